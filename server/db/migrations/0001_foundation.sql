CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid,
	"actor_kind" text NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "outbox_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"seller_id" uuid,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_until" timestamp with time zone,
	"dispatched_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer,
	"response_body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"role" text,
	"custom_role_id" uuid,
	"store_ids" uuid[],
	"token_hash" text NOT NULL,
	"invited_by" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"seller_id" uuid,
	"email" text NOT NULL,
	"ip" text,
	"user_agent" text,
	"success" boolean NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "login_attempts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text,
	"custom_role_id" uuid,
	"store_ids" uuid[],
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_one_role" CHECK (("members"."role" is null) <> ("members"."custom_role_id" is null))
);
--> statement-breakpoint
ALTER TABLE "members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "recovery_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"permissions" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "roles" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "seller_status_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "seller_status_history" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sellers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"legal_name" text NOT NULL,
	"display_name" text NOT NULL,
	"country" char(2) NOT NULL,
	"default_currency" char(3) NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text,
	"registration_number" text,
	"registered_address" text,
	"legal_representative" text,
	"tax_id" text,
	"status" text DEFAULT 'pending_review' NOT NULL,
	"status_reason" text,
	"pending_legal_change" jsonb,
	"require_2fa" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sellers_status_check" CHECK ("sellers"."status" in ('pending_review','active','rejected','suspended'))
);
--> statement-breakpoint
ALTER TABLE "sellers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"seller_id" uuid,
	"token_hash" text NOT NULL,
	"csrf_token" text NOT NULL,
	"mfa_pending" boolean DEFAULT false NOT NULL,
	"ip" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stores" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"name" text NOT NULL,
	"logo_url" text,
	"description" text,
	"market_country" char(2) NOT NULL,
	"currency" char(3) NOT NULL,
	"default_language" text NOT NULL,
	"return_address" jsonb,
	"ship_from_address" jsonb,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stores" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "user_tokens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"email_verified_at" timestamp with time zone,
	"locale" text DEFAULT 'en-US' NOT NULL,
	"totp_secret" text,
	"totp_enabled_at" timestamp with time zone,
	"totp_last_step" integer,
	"platform_role" text,
	"last_seller_id" uuid,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_kind_check" CHECK ("users"."kind" in ('seller','operator'))
);
--> statement-breakpoint
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" uuid NOT NULL,
	"type" text NOT NULL,
	"in_app" boolean NOT NULL,
	"email" boolean NOT NULL,
	CONSTRAINT "notification_preferences_user_id_type_pk" PRIMARY KEY("user_id","type")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"seller_id" uuid,
	"type" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" text,
	"event_id" uuid,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_custom_role_id_roles_id_fk" FOREIGN KEY ("custom_role_id") REFERENCES "public"."roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_custom_role_id_roles_id_fk" FOREIGN KEY ("custom_role_id") REFERENCES "public"."roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roles" ADD CONSTRAINT "roles_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seller_status_history" ADD CONSTRAINT "seller_status_history_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stores" ADD CONSTRAINT "stores_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_tokens" ADD CONSTRAINT "user_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_seller_time_idx" ON "audit_log" USING btree ("seller_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("seller_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox_events" USING btree ("created_at") WHERE dispatched_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_idx" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitations_seller_idx" ON "invitations" USING btree ("seller_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "login_attempts_email_idx" ON "login_attempts" USING btree (lower("email"),"created_at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_idx" ON "login_attempts" USING btree ("ip","created_at");--> statement-breakpoint
CREATE INDEX "login_attempts_user_idx" ON "login_attempts" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "login_attempts_seller_idx" ON "login_attempts" USING btree ("seller_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "members_seller_user_idx" ON "members" USING btree ("seller_id","user_id");--> statement-breakpoint
CREATE INDEX "members_user_idx" ON "members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "recovery_codes_user_idx" ON "recovery_codes" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "roles_seller_name_idx" ON "roles" USING btree ("seller_id",lower("name"));--> statement-breakpoint
CREATE INDEX "seller_status_history_idx" ON "seller_status_history" USING btree ("seller_id","created_at");--> statement-breakpoint
CREATE INDEX "sellers_status_idx" ON "sellers" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_token_idx" ON "sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "stores_seller_idx" ON "stores" USING btree ("seller_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "stores_seller_name_idx" ON "stores" USING btree ("seller_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "user_tokens_hash_idx" ON "user_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notifications_event_idx" ON "notifications" USING btree ("event_id","user_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation_read" ON "audit_log" AS PERMISSIVE FOR SELECT TO "app_user" USING ("audit_log"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation_insert" ON "audit_log" AS PERMISSIVE FOR INSERT TO "app_user" WITH CHECK ("audit_log"."seller_id" is null or "audit_log"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation_update" ON "audit_log" AS PERMISSIVE FOR UPDATE TO "app_user" USING ("audit_log"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "invitations" AS PERMISSIVE FOR ALL TO "app_user" USING ("invitations"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("invitations"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation_read" ON "login_attempts" AS PERMISSIVE FOR SELECT TO "app_user" USING ("login_attempts"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation_insert" ON "login_attempts" AS PERMISSIVE FOR INSERT TO "app_user" WITH CHECK ("login_attempts"."seller_id" is null or "login_attempts"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation_update" ON "login_attempts" AS PERMISSIVE FOR UPDATE TO "app_user" USING ("login_attempts"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "members" AS PERMISSIVE FOR ALL TO "app_user" USING ("members"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("members"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roles" AS PERMISSIVE FOR ALL TO "app_user" USING ("roles"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("roles"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "seller_status_history" AS PERMISSIVE FOR ALL TO "app_user" USING ("seller_status_history"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("seller_status_history"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "sellers" AS PERMISSIVE FOR ALL TO "app_user" USING ("sellers"."id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("sellers"."id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "stores" AS PERMISSIVE FOR ALL TO "app_user" USING ("stores"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("stores"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "users_read" ON "users" AS PERMISSIVE FOR SELECT TO "app_user" USING (true);--> statement-breakpoint
CREATE POLICY "users_update" ON "users" AS PERMISSIVE FOR UPDATE TO "app_user" USING (true);--> statement-breakpoint
CREATE POLICY "tenant_isolation_read" ON "notifications" AS PERMISSIVE FOR SELECT TO "app_user" USING ("notifications"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation_insert" ON "notifications" AS PERMISSIVE FOR INSERT TO "app_user" WITH CHECK ("notifications"."seller_id" is null or "notifications"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation_update" ON "notifications" AS PERMISSIVE FOR UPDATE TO "app_user" USING ("notifications"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');