-- storefront-search
select "product_id", "store_id", "seller_id", "category_path", "title", "search_text", "currency", "min_price", "max_price", "main_image_id", "buyable", "published_at"
from "store_listings"
where ("store_listings"."search_text" like $1 and "store_listings"."search_text" like $2 and "store_listings"."category_path" @> $3 and "store_listings"."store_id" = $4 and "store_listings"."currency" = $5 and "store_listings"."min_price" >= $6 and "store_listings"."min_price" <= $7 and "store_listings"."buyable" = $8
  and ("store_listings"."published_at", "store_listings"."product_id", "store_listings"."store_id") < ($9::timestamptz, $10::uuid, $11::uuid))
order by "store_listings"."published_at" desc, "store_listings"."product_id" desc, "store_listings"."store_id" desc
limit $12;
-- params: ["%cotton%","%tee%","{\"01900000-0000-7000-8000-000000000003\"}","01900000-0000-7000-8000-000000000002","CNY",1000,50000,true,"2026-11-01T10:00:00.000Z","01900000-0000-7000-8000-000000000004","01900000-0000-7000-8000-000000000002",25]
