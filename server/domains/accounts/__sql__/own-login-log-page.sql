-- own-login-log-page
select "id", "created_at", "email", "ip", "user_agent", "success", "reason"
from "login_attempts"
where ("login_attempts"."user_id" = $1
  and ("login_attempts"."created_at" < $2
  or ("login_attempts"."created_at" = $3 and "login_attempts"."id" < $4)))
order by "login_attempts"."created_at" desc, "login_attempts"."id" desc
limit $5;
-- params: ["01900000-0000-7000-8000-000000000002","2026-11-01T00:00:00.000Z","2026-11-01T00:00:00.000Z","01900000-0000-7000-8000-000000000001",51]
