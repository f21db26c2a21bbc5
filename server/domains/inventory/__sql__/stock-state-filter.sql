-- stock-state-filter
select id
from products
where coalesce((select min(case when coalesce(a.available, 0) <= 0 then 0
        when coalesce(a.available, 0) <= coalesce(ss.low_threshold, (select max(d.low_threshold)
from store_stock_defaults d
   
where d.seller_id = s.seller_id and d.store_id = any(coalesce((select p.store_ids
from products p
where p.id = s.product_id), '{}'::uuid[]))), $1) then 1
        else 2 end)
     
from skus s
     
left join (select sl.sku_id, sum(sl.on_hand - sl.reserved) as available
from stock_levels sl
       
where sl.product_id = products.id
group by sl.sku_id) a on a.sku_id = s.id
     
left join stock_settings ss on ss.sku_id = s.id
     
where s.product_id = products.id and s.status = 'active'), 0) = $2;
-- params: [5,1]
