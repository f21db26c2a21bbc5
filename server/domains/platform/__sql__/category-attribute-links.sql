-- category-attribute-links
select "category_attributes"."category_id", "category_attributes"."attribute_id", "category_attributes"."required", "category_attributes"."variant", "category_attributes"."excluded", "category_attributes"."position", "attributes"."id", "attributes"."key", "attributes"."type", "attributes"."unit", "attributes"."names", "attributes"."options", "attributes"."created_at", "attributes"."updated_at"
from "category_attributes"
inner join "attributes" on "attributes"."id" = "category_attributes"."attribute_id"
where "category_attributes"."category_id" in ($1, $2);
-- params: ["01900000-0000-7000-8000-000000000001","01900000-0000-7000-8000-000000000002"]
