-- stock-page
select "stock_levels"."sku_id", "stock_levels"."product_id", sum("stock_levels"."on_hand")::int, sum("stock_levels"."reserved")::int, sum("stock_levels"."on_hand" - "stock_levels"."reserved")::int, coalesce("stock_settings"."low_threshold", (select max(d.low_threshold)
from store_stock_defaults d
   
where d.seller_id = $1::uuid and d.store_id = any(coalesce((select p.store_ids
from products p
where p.id = "stock_levels"."product_id"), '{}'::uuid[]))), $2)
from "stock_levels"
left join "stock_settings" on "stock_settings"."sku_id" = "stock_levels"."sku_id"
where ("stock_levels"."seller_id" = $3 and coalesce((select p.store_ids
from products p
where p.id = "stock_levels"."product_id"), '{}'::uuid[]) && $4::uuid[])
group by "stock_levels"."sku_id", "stock_levels"."product_id", "stock_settings"."low_threshold" having (sum("stock_levels"."on_hand" - "stock_levels"."reserved")::int > 0 and sum("stock_levels"."on_hand" - "stock_levels"."reserved")::int <= coalesce("stock_settings"."low_threshold", (select max(d.low_threshold)
from store_stock_defaults d
   
where d.seller_id = $5::uuid and d.store_id = any(coalesce((select p.store_ids
from products p
where p.id = "stock_levels"."product_id"), '{}'::uuid[]))), $6) and bool_or("stock_levels"."warehouse_id" = $7))
order by sum("stock_levels"."on_hand" - "stock_levels"."reserved")::int asc, "stock_levels"."sku_id"
limit $8;
-- params: ["01900000-0000-7000-8000-000000000001",5,"01900000-0000-7000-8000-000000000001","{01900000-0000-7000-8000-000000000003}","01900000-0000-7000-8000-000000000001",5,"01900000-0000-7000-8000-000000000005",51]
