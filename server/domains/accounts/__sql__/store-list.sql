-- store-list
select "id", "seller_id", "name", "logo_url", "description", "market_country", "currency", "default_language", "return_address", "ship_from_address", "status", "created_at", "updated_at"
from "stores"
where (("stores"."seller_id" = $1 and "stores"."id" in ($2)) and "stores"."status" = $3)
order by "stores"."created_at" asc, "stores"."id" asc;
-- params: ["01900000-0000-7000-8000-000000000001","01900000-0000-7000-8000-000000000003","active"]
