-- warehouse-list
select "id", "seller_id", "kind", "code", "name", "address", "handling_days", "active", "created_at", "updated_at"
from "warehouses"
where (("warehouses"."seller_id" = $1 or "warehouses"."seller_id" is null) and "warehouses"."active" = $2)
order by "warehouses"."kind" = 'platform' desc, "warehouses"."handling_days" asc, "warehouses"."code" asc;
-- params: ["01900000-0000-7000-8000-000000000001",true]
