-- exchange-rate-page
select "base", "quote", "day", "rate", "set_by", "created_at"
from "exchange_rates"
where (("exchange_rates"."base" = $1 or "exchange_rates"."quote" = $2) and "exchange_rates"."day" >= $3 and "exchange_rates"."day" <= $4
  and ("exchange_rates"."day" < $5
  or ("exchange_rates"."day" = $6
  and ("exchange_rates"."base", "exchange_rates"."quote") > ($7, $8))))
order by "exchange_rates"."day" desc, "exchange_rates"."base" asc, "exchange_rates"."quote" asc
limit $9;
-- params: ["CNY","CNY","2026-01-01","2026-03-31","2026-03-01","2026-03-01","CNY","RUB",51]
