-- The non-superuser role that every request transaction switches to, so row-level security applies.
-- Roles are cluster-wide on a PostgreSQL server: create it only once.
DO $$
BEGIN
  CREATE ROLE app_user NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
