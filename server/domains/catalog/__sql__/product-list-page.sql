-- product-list-page
select "id", "seller_id", "number", "category_id", "brand", "title", "description", "keywords", "attributes", "video_url", "store_ids", "search_text", "review_state", "sale_state", "published", "published_at", "quality_score", "quality_hints", "version", "created_by", "created_at", "updated_at", "products"."updated_at", (select count(*)::int
from "skus" s
where s.product_id = "products"."id"), coalesce((select min(coalesce(s.sale_price, s.list_price))
from "skus" s
where s.product_id = "products"."id" and s.status = 'active'), $1::bigint), (select max(coalesce(s.sale_price, s.list_price))
from "skus" s
where s.product_id = "products"."id" and s.status = 'active'), (select s.currency
from "skus" s
where s.product_id = "products"."id"
limit 1), (select i.id
from "product_images" i
where i.product_id = "products"."id"
order by i.position, i.id
limit 1)
from "products"
where (("products"."seller_id" = $2
  and ("products"."store_ids" && $3 or cardinality("products"."store_ids") = 0))
  and ("products"."search_text" like $4 or "products"."id" = any(array((select "product_id"
from "skus"
where ("skus"."seller_id" = $5 and lower("skus"."code") = $6))))) and "products"."review_state" = $7 and "products"."sale_state" = $8 and "products"."category_id" in ($9) and $10::uuid = any("products"."store_ids") and "products"."quality_score" < $11
  and ("products"."updated_at", "products"."id") < ($12::timestamptz, $13::uuid))
order by "products"."updated_at" desc, "products"."id" desc
limit $14;
-- params: [null,"01900000-0000-7000-8000-000000000001","{\"01900000-0000-7000-8000-000000000002\"}","%cotton%","01900000-0000-7000-8000-000000000001","cotton","approved","active","01900000-0000-7000-8000-000000000003","01900000-0000-7000-8000-000000000002",80,"2026-11-01 10:00:00.123456+00","01900000-0000-7000-8000-000000000004",51]
