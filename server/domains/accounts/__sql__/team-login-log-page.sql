-- team-login-log-page
select "id", "created_at", "email", "ip", "user_agent", "success", "reason"
from "login_attempts"
where "login_attempts"."seller_id" = $1
order by "login_attempts"."created_at" desc, "login_attempts"."id" desc
limit $2;
-- params: ["01900000-0000-7000-8000-000000000001",51]
