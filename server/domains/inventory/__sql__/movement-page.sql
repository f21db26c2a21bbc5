-- movement-page
select "stock_movements"."id", "stock_movements"."sku_id", "stock_movements"."warehouse_id", "warehouses"."code", "stock_movements"."reason", "stock_movements"."on_hand_delta", "stock_movements"."reserved_delta", "stock_movements"."on_hand_after", "stock_movements"."reserved_after", "stock_movements"."ref_type", "stock_movements"."ref_id", "stock_movements"."note", "stock_movements"."actor_id", "stock_movements"."created_at"
from "stock_movements"
left join "warehouses" on "warehouses"."id" = "stock_movements"."warehouse_id"
where ("stock_movements"."seller_id" = $1 and "stock_movements"."sku_id" = $2
  and ("stock_movements"."created_at" < $3
  or ("stock_movements"."created_at" = $4 and "stock_movements"."id" < $5)))
order by "stock_movements"."created_at" desc, "stock_movements"."id" desc
limit $6;
-- params: ["01900000-0000-7000-8000-000000000001","01900000-0000-7000-8000-000000000004","2026-11-01T00:00:00.000Z","2026-11-01T00:00:00.000Z","01900000-0000-7000-8000-000000000001",51]
