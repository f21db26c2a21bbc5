-- product-list-by-price
select "id", "number", "title", "brand", "category_id", "store_ids", "quality_score", "quality_hints", "review_state", "sale_state", "published_at", "created_at", "updated_at", coalesce((select min(coalesce(s.sale_price, s.list_price))
from "skus" s
where s.product_id = "products"."id" and s.status = 'active'), $1::bigint), (
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
from "seller_products" "products"
where ("products"."seller_id" = $2
  and (coalesce((select min(coalesce(s.sale_price, s.list_price))
from "skus" s
where s.product_id = "products"."id" and s.status = 'active'), $3::bigint), "products"."id") > ($4::bigint, $5::uuid))
order by coalesce((select min(coalesce(s.sale_price, s.list_price))
from "skus" s
where s.product_id = "products"."id" and s.status = 'active'), $6::bigint) asc, "products"."id" asc
limit $7;
-- params: [9007199254740991,"01900000-0000-7000-8000-000000000001",9007199254740991,1990,"01900000-0000-7000-8000-000000000004",9007199254740991,51]
