-- platform-inbound-page
select "id", "seller_id", "number", "warehouse_id", "status", "boxes", "carrier", "tracking_number", "note", "created_by", "created_at", "updated_at", "shipped_at", "received_at", "received_by", (select count(*)
from inbound_lines l
where l.shipment_id = "id")::int, (select coalesce(sum(l.quantity), 0)
from inbound_lines l
where l.shipment_id = "id")::int, (select coalesce(sum(l.received), 0)
from inbound_lines l
where l.shipment_id = "id")::int, (select coalesce(sum(l.damaged), 0)
from inbound_lines l
where l.shipment_id = "id")::int, (select coalesce(sum(greatest(0, l.quantity - l.received - coalesce(l.damaged, 0))), 0)
from inbound_lines l
where l.shipment_id = "id" and l.received is not null)::int, (select coalesce(sum(greatest(0, l.received + coalesce(l.damaged, 0) - l.quantity)), 0)
from inbound_lines l
where l.shipment_id = "id" and l.received is not null)::int
from "inbound_shipments"
where ("inbound_shipments"."status" not in ('draft') and "inbound_shipments"."status" = $1 and "inbound_shipments"."warehouse_id" = $2)
order by "inbound_shipments"."created_at" desc, "inbound_shipments"."id" desc
limit $3;
-- params: ["shipped","01900000-0000-7000-8000-000000000005",51]
