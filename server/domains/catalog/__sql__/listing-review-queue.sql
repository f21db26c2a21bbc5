-- listing-review-queue
select "listing_reviews"."id", "listing_reviews"."seller_id", "listing_reviews"."product_id", "listing_reviews"."category_id", "listing_reviews"."snapshot", "listing_reviews"."revision", "listing_reviews"."submitted_by", "listing_reviews"."created_at", "listing_reviews"."decision", "listing_reviews"."reason_keys", "listing_reviews"."note", "listing_reviews"."decided_by", "listing_reviews"."decided_at", "products"."number"
from "listing_reviews"
inner join "products" on "products"."id" = "listing_reviews"."product_id"
where ("listing_reviews"."decision" = $1 and "listing_reviews"."seller_id" = $2 and "listing_reviews"."category_id" in ($3) and "listing_reviews"."created_at" < $4 and "listing_reviews"."revision" = $5
  and ("listing_reviews"."created_at", "listing_reviews"."id") > ($6::timestamptz, $7::uuid))
order by "listing_reviews"."created_at" asc, "listing_reviews"."id" asc
limit $8;
-- params: ["pending","01900000-0000-7000-8000-000000000001","01900000-0000-7000-8000-000000000003","2026-11-02T00:00:00.000Z",true,"2026-11-01T10:00:00.000Z","01900000-0000-7000-8000-000000000004",51]
