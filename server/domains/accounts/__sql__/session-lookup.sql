-- session-lookup
select "sessions"."id", "sessions"."csrf_token", "sessions"."mfa_pending", "sessions"."last_seen_at", "sessions"."seller_id", "users"."id", "users"."kind", "users"."email", "users"."name", "users"."locale", "users"."totp_enabled_at", "users"."platform_role", "users"."disabled_at", "sellers"."status", "sellers"."require_2fa", "members"."id", "members"."status", "members"."role", "members"."store_ids", "roles"."permissions"
from "sessions"
inner join "users" on "users"."id" = "sessions"."user_id"
left join "members" on ("members"."user_id" = "sessions"."user_id" and "members"."seller_id" = "sessions"."seller_id")
left join "sellers" on "sellers"."id" = "sessions"."seller_id"
left join "roles" on "roles"."id" = "members"."custom_role_id"
where ("sessions"."token_hash" = $1 and "sessions"."revoked_at" is null and "sessions"."expires_at" > now() and "sessions"."last_seen_at" > $2)
limit $3;
-- params: [{"name":"tokenHash"},{"name":"idleCutoff"},1]
