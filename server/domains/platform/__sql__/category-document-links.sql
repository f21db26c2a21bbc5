-- category-document-links
select "category_document_types"."category_id", "category_document_types"."document_type_id", "category_document_types"."excluded", "document_types"."id", "document_types"."key", "document_types"."names", "document_types"."number_pattern", "document_types"."number_example", "document_types"."expires", "document_types"."created_at", "document_types"."updated_at"
from "category_document_types"
inner join "document_types" on "document_types"."id" = "category_document_types"."document_type_id"
where "category_document_types"."category_id" in ($1, $2);
-- params: ["01900000-0000-7000-8000-000000000001","01900000-0000-7000-8000-000000000002"]
