-- price-holds-page
select "price_holds"."id", "price_holds"."seller_id", "price_holds"."sku_id", "price_holds"."store_id", "price_holds"."currency", "price_holds"."old_list_price", "price_holds"."old_sale_price", "price_holds"."new_list_price", "price_holds"."new_sale_price", "price_holds"."status", "price_holds"."requested_by", "price_holds"."created_at", "price_holds"."decided_by", "price_holds"."decided_at", "skus"."product_id", "products"."number", "skus"."code"
from "price_holds"
inner join "skus" on "skus"."id" = "price_holds"."sku_id"
inner join "products" on "products"."id" = "skus"."product_id"
where ("price_holds"."seller_id" = $1 and "price_holds"."status" = $2
  and ("products"."seller_id" = $3
  and ("products"."store_ids" && $4 or cardinality("products"."store_ids") = 0)))
order by "price_holds"."created_at" desc, "price_holds"."id" desc
limit $5;
-- params: ["01900000-0000-7000-8000-000000000001","held","01900000-0000-7000-8000-000000000001","{\"01900000-0000-7000-8000-000000000002\"}",51]
