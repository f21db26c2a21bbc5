-- product-list-by-price
select "id", "seller_id", "number", "category_id", "brand", "title", "description", "keywords", "attributes", "video_url", "store_ids", "search_text", "review_state", "sale_state", "published", "published_at", "quality_score", "quality_hints", "version", "created_by", "created_at", "updated_at", coalesce((select min(coalesce(s.sale_price, s.list_price))
from "skus" s
where s.product_id = "products"."id" and s.status = 'active'), $1::bigint), (select count(*)::int
from "skus" s
where s.product_id = "products"."id"), coalesce((select min(coalesce(s.sale_price, s.list_price))
from "skus" s
where s.product_id = "products"."id" and s.status = 'active'), $2::bigint), (select max(coalesce(s.sale_price, s.list_price))
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
where ("products"."seller_id" = $3
  and (coalesce((select min(coalesce(s.sale_price, s.list_price))
from "skus" s
where s.product_id = "products"."id" and s.status = 'active'), $4::bigint), "products"."id") > ($5::bigint, $6::uuid))
order by coalesce((select min(coalesce(s.sale_price, s.list_price))
from "skus" s
where s.product_id = "products"."id" and s.status = 'active'), $7::bigint) asc, "products"."id" asc
limit $8;
-- params: [9007199254740991,null,"01900000-0000-7000-8000-000000000001",9007199254740991,1990,"01900000-0000-7000-8000-000000000004",9007199254740991,51]
