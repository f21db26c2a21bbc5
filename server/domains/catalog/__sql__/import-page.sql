-- import-page
select "id", "seller_id", "created_by", "locale", "category_id", "store_id", "file_key", "file_name", "format", "encoding", "delimiter", "images_key", "mode", "status", "total_rows", "done_rows", "created", "updated", "unchanged", "failed", "error_file_key", "error_code", "error_params", "attempts", "created_at", "started_at", "finished_at"
from "import_jobs"
where ("import_jobs"."seller_id" = $1 and "import_jobs"."status" = $2
  and ("import_jobs"."created_at" < $3
  or ("import_jobs"."created_at" = $4 and "import_jobs"."id" < $5)))
order by "import_jobs"."created_at" desc, "import_jobs"."id" desc
limit $6;
-- params: ["01900000-0000-7000-8000-000000000001","running","2026-11-01T08:00:00.000Z","2026-11-01T08:00:00.000Z","01900000-0000-7000-8000-000000000001",21]
