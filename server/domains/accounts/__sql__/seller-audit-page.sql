-- seller-audit-page
select "id", "seller_id", "created_at", "actor_kind", "actor_id", "actor_label", "action", "entity_type", "entity_id", "changes", "ip"
from "audit_log"
where ("audit_log"."seller_id" = $1 and "audit_log"."entity_type" = $2
  and ("audit_log"."created_at" < $3
  or ("audit_log"."created_at" = $4 and "audit_log"."id" < $5)))
order by "audit_log"."created_at" desc, "audit_log"."id" desc
limit $6;
-- params: ["01900000-0000-7000-8000-000000000001","store","2026-11-01T00:00:00.000Z","2026-11-01T00:00:00.000Z","01900000-0000-7000-8000-000000000001",51]
