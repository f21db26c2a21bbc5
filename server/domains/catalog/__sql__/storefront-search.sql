-- storefront-search
select "product_id", "store_id", "seller_id", "category_path", "title", "search_text", "currency", "min_price", "max_price", "main_image_id", "buyable", "published_at"
from (select "product_id", "store_id", "seller_id", "category_path", "title", "search_text", "currency", "min_price", "max_price", "main_image_id", "buyable", "published_at"
from "store_listings"
where ("store_listings"."store_id" = $1 and "store_listings"."currency" = $2 and "store_listings"."min_price" >= $3 and "store_listings"."min_price" <= $4 and "store_listings"."buyable" = $5
  and ("store_listings"."published_at", "store_listings"."product_id", "store_listings"."store_id") < ($6::timestamptz, $7::uuid, $8::uuid))
order by "store_listings"."published_at" desc, "store_listings"."product_id" desc, "store_listings"."store_id" desc
limit $9) "store_listings"
where ("store_listings"."search_text" like $10 and "store_listings"."search_text" like $11 and "store_listings"."category_path" @> $12)
order by "store_listings"."published_at" desc, "store_listings"."product_id" desc, "store_listings"."store_id" desc
limit $13;
-- params: ["01900000-0000-7000-8000-000000000002","CNY",1000,50000,true,"2026-11-01T10:00:00.000Z","01900000-0000-7000-8000-000000000004","01900000-0000-7000-8000-000000000002",2000,"%cotton%","%tee%","{\"01900000-0000-7000-8000-000000000003\"}",25]
