-- unread-count
select count(*)
from "notifications"
where ("notifications"."user_id" = $1 and "notifications"."read_at" is null);
-- params: ["01900000-0000-7000-8000-000000000002"]
