-- platform-sellers-page
select "id", "legal_name", "display_name", "country", "default_currency", "contact_email", "contact_phone", "registration_number", "registered_address", "legal_representative", "tax_id", "status", "status_reason", "pending_legal_change", "require_2fa", "created_at", "updated_at"
from "sellers"
where ("sellers"."status" = $1
  and ("sellers"."legal_name" ilike $2 or "sellers"."display_name" ilike $3 or "sellers"."contact_email" ilike $4)
  and ("sellers"."created_at" < $5
  or ("sellers"."created_at" = $6 and "sellers"."id" < $7)))
order by "sellers"."created_at" desc, "sellers"."id" desc
limit $8;
-- params: ["pending_review","%silk%","%silk%","%silk%","2026-11-01T00:00:00.000Z","2026-11-01T00:00:00.000Z","01900000-0000-7000-8000-000000000001",51]
