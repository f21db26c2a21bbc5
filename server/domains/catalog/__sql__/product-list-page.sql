-- product-list-page
select "id", "number", "title", "brand", "category_id", "store_ids", "quality_score", "quality_hints", "review_state", "sale_state", "published_at", "created_at", "updated_at", "products"."updated_at", (
      select json_build_object(
        'count', count(*),
        'min', min(coalesce(s.sale_price, s.list_price)) filter (where s.status = 'active'),
        'max', max(coalesce(s.sale_price, s.list_price)) filter (where s.status = 'active'),
        'currency', min(s.currency))
     
from "skus" s
where s.product_id = "products"."id"), (select i.id
from "product_images" i
where i.product_id = "products"."id"
order by i.position, i.id
limit 1)
from (select "id", "seller_id", "number", "category_id", "brand", "title", "description", "keywords", "attributes", "video_url", "store_ids", "search_text", "review_state", "sale_state", "published", "published_at", "quality_score", "quality_hints", "version", "created_by", "created_at", "updated_at"
from "seller_products" "products"
where (("products"."seller_id" = $1
  and ("products"."store_ids" && $2 or cardinality("products"."store_ids") = 0)) and "products"."review_state" = $3 and "products"."sale_state" = $4 and $5::uuid = any("products"."store_ids") and "products"."quality_score" < $6
  and ("products"."updated_at", "products"."id") < ($7::timestamptz, $8::uuid))
order by "products"."updated_at" desc, "products"."id" desc
limit $9) "products"
where (("products"."search_text" like $10 or "products"."id" = any(array((select "product_id"
from "seller_skus"
where ("seller_skus"."seller_id" = $11 and lower("seller_skus"."code") = $12))))) and "products"."category_id" in ($13))
order by "products"."updated_at" desc, "products"."id" desc
limit $14;
-- params: ["01900000-0000-7000-8000-000000000001","{\"01900000-0000-7000-8000-000000000002\"}","approved","active","01900000-0000-7000-8000-000000000002",80,"2026-11-01 10:00:00.123456+00","01900000-0000-7000-8000-000000000004",2000,"%cotton%","01900000-0000-7000-8000-000000000001","cotton","01900000-0000-7000-8000-000000000003",51]
