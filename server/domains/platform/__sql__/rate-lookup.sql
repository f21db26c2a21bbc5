-- rate-lookup
select "base", "quote", "day", "rate", "set_by", "created_at"
from "exchange_rates"
where ((("exchange_rates"."base" = $1 and "exchange_rates"."quote" = $2)
  or ("exchange_rates"."base" = $3 and "exchange_rates"."quote" = $4)) and "exchange_rates"."day" <= $5)
order by "exchange_rates"."day" desc, ("exchange_rates"."base" = $6) desc
limit $7;
-- params: ["RUB","CNY","CNY","RUB","2026-03-02","RUB",1]
