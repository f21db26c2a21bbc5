-- notifications-page
select "id", "user_id", "seller_id", "type", "params", "link", "event_id", "read_at", "created_at"
from "notifications"
where ("notifications"."user_id" = $1 and "notifications"."read_at" is null)
order by "notifications"."created_at" desc, "notifications"."id" desc
limit $2;
-- params: ["01900000-0000-7000-8000-000000000002",21]
