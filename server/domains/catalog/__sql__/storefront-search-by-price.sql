-- storefront-search-by-price
select "product_id", "store_id", "seller_id", "category_path", "title", "search_text", "currency", "min_price", "max_price", "main_image_id", "buyable", "published_at"
from "store_listings"
where "store_listings"."store_id" = $1
order by "store_listings"."min_price" asc, "store_listings"."product_id" asc, "store_listings"."store_id" asc
limit $2;
-- params: ["01900000-0000-7000-8000-000000000002",25]
