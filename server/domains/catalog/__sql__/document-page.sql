-- document-page
select "id", "seller_id", "document_type_id", "number", "issuer", "issued_on", "expires_on", "file_key", "file_name", "status", "reminded_days", "created_at", "updated_at"
from "compliance_documents"
where ("compliance_documents"."seller_id" = $1 and "compliance_documents"."document_type_id" = $2
  and ("compliance_documents"."status" = $3 and "compliance_documents"."expires_on" is not null and "compliance_documents"."expires_on" <= $4)
  and ("compliance_documents"."number" ilike $5 or "compliance_documents"."issuer" ilike $6)
  and (coalesce("compliance_documents"."expires_on", '9999-12-31'::date) > $7::date
  or (coalesce("compliance_documents"."expires_on", '9999-12-31'::date) = $8::date and "compliance_documents"."id" > $9)))
order by coalesce("compliance_documents"."expires_on", '9999-12-31'::date) asc, "compliance_documents"."id" asc
limit $10;
-- params: ["01900000-0000-7000-8000-000000000001","01900000-0000-7000-8000-000000000002","valid","2026-12-01","%cos%","%cos%","2026-12-01","2026-12-01","01900000-0000-7000-8000-000000000001",51]
