CREATE SEQUENCE "public"."product_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100001 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."inbound_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 5001 CACHE 1;--> statement-breakpoint
CREATE TABLE "compliance_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"document_type_id" uuid NOT NULL,
	"number" text NOT NULL,
	"issuer" text,
	"issued_on" date,
	"expires_on" date,
	"file_key" text,
	"file_name" text,
	"status" text DEFAULT 'valid' NOT NULL,
	"reminded_days" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "compliance_documents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"created_by" uuid,
	"locale" text NOT NULL,
	"category_id" uuid,
	"store_id" uuid,
	"file_key" text NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"encoding" text,
	"delimiter" text,
	"images_key" text,
	"mode" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"total_rows" integer,
	"done_rows" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"error_file_key" text,
	"error_code" text,
	"error_params" jsonb,
	"late_problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "import_jobs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "listing_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"snapshot" jsonb NOT NULL,
	"revision" boolean DEFAULT false NOT NULL,
	"submitted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision" text DEFAULT 'pending' NOT NULL,
	"reason_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "listing_reviews" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "price_holds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"sku_id" uuid NOT NULL,
	"store_id" uuid,
	"currency" char(3) NOT NULL,
	"old_list_price" bigint NOT NULL,
	"old_sale_price" bigint,
	"new_list_price" bigint NOT NULL,
	"new_sale_price" bigint,
	"status" text DEFAULT 'held' NOT NULL,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "price_holds" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "product_documents" (
	"product_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	CONSTRAINT "product_documents_product_id_document_id_pk" PRIMARY KEY("product_id","document_id")
);
--> statement-breakpoint
ALTER TABLE "product_documents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "product_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"field" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"reason" text,
	"actor_id" uuid,
	"actor_kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "product_history" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "product_images" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"product_id" uuid,
	"file_key" text NOT NULL,
	"sha256" char(64) NOT NULL,
	"mime" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"original_name" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "product_images" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"number" bigint DEFAULT nextval('product_number_seq') NOT NULL,
	"category_id" uuid NOT NULL,
	"brand" text,
	"title" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"keywords" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"video_url" text,
	"store_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"review_state" text DEFAULT 'draft' NOT NULL,
	"sale_state" text DEFAULT 'unlisted' NOT NULL,
	"published" jsonb,
	"published_at" timestamp with time zone,
	"quality_score" integer DEFAULT 0 NOT NULL,
	"quality_hints" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_review_state_check" CHECK ("products"."review_state" in ('draft','pending','approved','rejected')),
	CONSTRAINT "products_sale_state_check" CHECK ("products"."sale_state" in ('unlisted','active','inactive','suspended','archived'))
);
--> statement-breakpoint
ALTER TABLE "products" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sku_prices" (
	"sku_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"mode" text DEFAULT 'follow' NOT NULL,
	"list_price" bigint NOT NULL,
	"sale_price" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sku_prices_sku_id_store_id_pk" PRIMARY KEY("sku_id","store_id"),
	CONSTRAINT "sku_prices_mode_check" CHECK ("sku_prices"."mode" in ('follow','override'))
);
--> statement-breakpoint
ALTER TABLE "sku_prices" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "skus" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"code" text NOT NULL,
	"barcode" text,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"currency" char(3) NOT NULL,
	"list_price" bigint NOT NULL,
	"sale_price" bigint,
	"weight_grams" integer,
	"length_mm" integer,
	"width_mm" integer,
	"height_mm" integer,
	"status" text DEFAULT 'active' NOT NULL,
	"backorder" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skus_prices_check" CHECK ("skus"."list_price" >= 0 and ("skus"."sale_price" is null or "skus"."sale_price" >= 0)),
	CONSTRAINT "skus_status_check" CHECK ("skus"."status" in ('active','inactive'))
);
--> statement-breakpoint
ALTER TABLE "skus" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "store_listings" (
	"product_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"category_path" uuid[] NOT NULL,
	"title" jsonb NOT NULL,
	"search_text" text NOT NULL,
	"currency" char(3) NOT NULL,
	"min_price" bigint NOT NULL,
	"max_price" bigint NOT NULL,
	"main_image_id" uuid,
	"buyable" boolean NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "store_listings_product_id_store_id_pk" PRIMARY KEY("product_id","store_id")
);
--> statement-breakpoint
ALTER TABLE "store_listings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "inbound_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"shipment_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text,
	"actor_id" uuid,
	"actor_kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inbound_history" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "inbound_lines" (
	"shipment_id" uuid NOT NULL,
	"sku_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"sku_code" text NOT NULL,
	"barcode" text,
	"title" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"quantity" integer NOT NULL,
	"received" integer,
	"damaged" integer,
	CONSTRAINT "inbound_lines_shipment_id_sku_id_pk" PRIMARY KEY("shipment_id","sku_id"),
	CONSTRAINT "inbound_lines_quantity_check" CHECK ("inbound_lines"."quantity" > 0),
	CONSTRAINT "inbound_lines_counts_check" CHECK (("inbound_lines"."received" is null or "inbound_lines"."received" >= 0) and ("inbound_lines"."damaged" is null or "inbound_lines"."damaged" >= 0))
);
--> statement-breakpoint
ALTER TABLE "inbound_lines" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "inbound_shipments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"number" bigint DEFAULT nextval('inbound_number_seq') NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"boxes" integer DEFAULT 1 NOT NULL,
	"carrier" text,
	"tracking_number" text,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"shipped_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"received_by" uuid,
	CONSTRAINT "inbound_shipments_status_check" CHECK ("inbound_shipments"."status" in ('draft','shipped','receiving','received','cancelled'))
);
--> statement-breakpoint
ALTER TABLE "inbound_shipments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reservations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"sku_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"ref_type" text NOT NULL,
	"ref_id" text NOT NULL,
	"status" text DEFAULT 'held' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reservations_quantity_check" CHECK ("reservations"."quantity" > 0)
);
--> statement-breakpoint
ALTER TABLE "reservations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "stock_levels" (
	"sku_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"on_hand" integer DEFAULT 0 NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_levels_sku_id_warehouse_id_pk" PRIMARY KEY("sku_id","warehouse_id"),
	CONSTRAINT "stock_levels_never_negative" CHECK ("stock_levels"."reserved" >= 0 and "stock_levels"."on_hand" >= "stock_levels"."reserved")
);
--> statement-breakpoint
ALTER TABLE "stock_levels" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"sku_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"on_hand_delta" integer DEFAULT 0 NOT NULL,
	"reserved_delta" integer DEFAULT 0 NOT NULL,
	"on_hand_after" integer NOT NULL,
	"reserved_after" integer NOT NULL,
	"ref_type" text,
	"ref_id" text,
	"note" text,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stock_movements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "stock_settings" (
	"sku_id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"low_threshold" integer,
	"safety_stock" integer DEFAULT 0 NOT NULL,
	"lead_time_days" integer DEFAULT 14 NOT NULL,
	"safety_days" integer DEFAULT 7 NOT NULL,
	"low_since" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_settings_values_check" CHECK (("stock_settings"."low_threshold" is null or "stock_settings"."low_threshold" >= 0) and "stock_settings"."safety_stock" >= 0 and "stock_settings"."lead_time_days" between 0 and 365 and "stock_settings"."safety_days" between 0 and 365)
);
--> statement-breakpoint
ALTER TABLE "stock_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "store_stock_defaults" (
	"store_id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"low_threshold" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "store_stock_defaults" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "warehouses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"address" jsonb NOT NULL,
	"handling_days" integer DEFAULT 1 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "warehouses_kind_check" CHECK (("warehouses"."kind" = 'platform') = ("warehouses"."seller_id" is null)),
	CONSTRAINT "warehouses_handling_check" CHECK ("warehouses"."handling_days" between 0 and 60)
);
--> statement-breakpoint
ALTER TABLE "warehouses" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "attributes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"type" text NOT NULL,
	"unit" text,
	"names" jsonb NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attributes_type_check" CHECK ("attributes"."type" in ('text','number','enum','multi_enum','boolean','date'))
);
--> statement-breakpoint
ALTER TABLE "attributes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "categories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"parent_id" uuid,
	"path" uuid[] NOT NULL,
	"depth" integer NOT NULL,
	"slug" text NOT NULL,
	"names" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"commission_bps" integer,
	"min_images" integer,
	"max_images" integer,
	"required_languages" text[],
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "categories_commission_check" CHECK ("categories"."commission_bps" is null or "categories"."commission_bps" between 0 and 10000),
	CONSTRAINT "categories_images_check" CHECK (("categories"."min_images" is null or "categories"."min_images" between 0 and 30) and ("categories"."max_images" is null or "categories"."max_images" between 1 and 30))
);
--> statement-breakpoint
ALTER TABLE "categories" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "category_attributes" (
	"category_id" uuid NOT NULL,
	"attribute_id" uuid NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"variant" boolean DEFAULT false NOT NULL,
	"excluded" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "category_attributes_category_id_attribute_id_pk" PRIMARY KEY("category_id","attribute_id")
);
--> statement-breakpoint
ALTER TABLE "category_attributes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "category_document_types" (
	"category_id" uuid NOT NULL,
	"document_type_id" uuid NOT NULL,
	"excluded" boolean DEFAULT false NOT NULL,
	CONSTRAINT "category_document_types_category_id_document_type_id_pk" PRIMARY KEY("category_id","document_type_id")
);
--> statement-breakpoint
ALTER TABLE "category_document_types" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "document_types" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"names" jsonb NOT NULL,
	"number_pattern" text,
	"number_example" text,
	"expires" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_types" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "exchange_rates" (
	"base" char(3) NOT NULL,
	"quote" char(3) NOT NULL,
	"day" date NOT NULL,
	"rate" text NOT NULL,
	"set_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_rates_base_quote_day_pk" PRIMARY KEY("base","quote","day"),
	CONSTRAINT "exchange_rates_rate_check" CHECK ("exchange_rates"."rate" ~ '^[0-9]+(\.[0-9]+)?$')
);
--> statement-breakpoint
ALTER TABLE "exchange_rates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "platform_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "platform_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "rejection_reasons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"names" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rejection_reasons" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "listing_reviews" ADD CONSTRAINT "listing_reviews_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_holds" ADD CONSTRAINT "price_holds_sku_id_skus_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."skus"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_documents" ADD CONSTRAINT "product_documents_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_documents" ADD CONSTRAINT "product_documents_document_id_compliance_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."compliance_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_history" ADD CONSTRAINT "product_history_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_images" ADD CONSTRAINT "product_images_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sku_prices" ADD CONSTRAINT "sku_prices_sku_id_skus_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."skus"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skus" ADD CONSTRAINT "skus_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_listings" ADD CONSTRAINT "store_listings_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_history" ADD CONSTRAINT "inbound_history_shipment_id_inbound_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."inbound_shipments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_lines" ADD CONSTRAINT "inbound_lines_shipment_id_inbound_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."inbound_shipments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_shipments" ADD CONSTRAINT "inbound_shipments_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_attributes" ADD CONSTRAINT "category_attributes_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_attributes" ADD CONSTRAINT "category_attributes_attribute_id_attributes_id_fk" FOREIGN KEY ("attribute_id") REFERENCES "public"."attributes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_document_types" ADD CONSTRAINT "category_document_types_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_document_types" ADD CONSTRAINT "category_document_types_document_type_id_document_types_id_fk" FOREIGN KEY ("document_type_id") REFERENCES "public"."document_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "compliance_documents_number_idx" ON "compliance_documents" USING btree ("seller_id","document_type_id","number");--> statement-breakpoint
CREATE INDEX "compliance_documents_expiry_idx" ON "compliance_documents" USING btree ("expires_on") WHERE "compliance_documents"."status" = 'valid';--> statement-breakpoint
CREATE INDEX "import_jobs_seller_idx" ON "import_jobs" USING btree ("seller_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "listing_reviews_queue_idx" ON "listing_reviews" USING btree ("created_at","id") WHERE "listing_reviews"."decision" = 'pending';--> statement-breakpoint
CREATE INDEX "listing_reviews_product_idx" ON "listing_reviews" USING btree ("product_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "listing_reviews_one_pending_idx" ON "listing_reviews" USING btree ("product_id") WHERE "listing_reviews"."decision" = 'pending';--> statement-breakpoint
CREATE INDEX "price_holds_seller_idx" ON "price_holds" USING btree ("seller_id","status","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "price_holds_open_idx" ON "price_holds" USING btree ("sku_id",coalesce("store_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "price_holds"."status" = 'held';--> statement-breakpoint
CREATE INDEX "product_documents_document_idx" ON "product_documents" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "product_history_product_idx" ON "product_history" USING btree ("product_id","created_at");--> statement-breakpoint
CREATE INDEX "product_images_product_idx" ON "product_images" USING btree ("product_id","position");--> statement-breakpoint
CREATE INDEX "product_images_seller_sha_idx" ON "product_images" USING btree ("seller_id","sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "products_number_idx" ON "products" USING btree ("number");--> statement-breakpoint
CREATE INDEX "products_seller_recent_idx" ON "products" USING btree ("seller_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "products_seller_category_idx" ON "products" USING btree ("seller_id","category_id");--> statement-breakpoint
CREATE INDEX "products_seller_created_idx" ON "products" USING btree ("seller_id","created_at","id");--> statement-breakpoint
CREATE INDEX "products_seller_quality_idx" ON "products" USING btree ("seller_id","quality_score","id");--> statement-breakpoint
CREATE INDEX "products_seller_states_idx" ON "products" USING btree ("seller_id","review_state","sale_state");--> statement-breakpoint
CREATE INDEX "products_search_trgm_idx" ON "products" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "sku_prices_seller_store_idx" ON "sku_prices" USING btree ("seller_id","store_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skus_seller_code_idx" ON "skus" USING btree ("seller_id",lower("code"));--> statement-breakpoint
CREATE UNIQUE INDEX "skus_barcode_idx" ON "skus" USING btree ("barcode");--> statement-breakpoint
CREATE INDEX "skus_product_idx" ON "skus" USING btree ("product_id","position");--> statement-breakpoint
CREATE INDEX "store_listings_search_trgm_idx" ON "store_listings" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "store_listings_category_idx" ON "store_listings" USING gin ("category_path");--> statement-breakpoint
CREATE INDEX "store_listings_newest_idx" ON "store_listings" USING btree ("published_at","product_id","store_id");--> statement-breakpoint
CREATE INDEX "store_listings_store_newest_idx" ON "store_listings" USING btree ("store_id","published_at","product_id");--> statement-breakpoint
CREATE INDEX "store_listings_currency_price_idx" ON "store_listings" USING btree ("currency","min_price","product_id","store_id");--> statement-breakpoint
CREATE INDEX "store_listings_store_price_idx" ON "store_listings" USING btree ("store_id","min_price","product_id");--> statement-breakpoint
CREATE INDEX "store_listings_seller_idx" ON "store_listings" USING btree ("seller_id");--> statement-breakpoint
CREATE INDEX "inbound_history_shipment_idx" ON "inbound_history" USING btree ("shipment_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_shipments_number_idx" ON "inbound_shipments" USING btree ("number");--> statement-breakpoint
CREATE INDEX "inbound_shipments_seller_idx" ON "inbound_shipments" USING btree ("seller_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "inbound_shipments_status_idx" ON "inbound_shipments" USING btree ("status","shipped_at");--> statement-breakpoint
CREATE INDEX "reservations_ref_idx" ON "reservations" USING btree ("ref_type","ref_id");--> statement-breakpoint
CREATE INDEX "reservations_seller_idx" ON "reservations" USING btree ("seller_id","status");--> statement-breakpoint
CREATE INDEX "stock_levels_seller_idx" ON "stock_levels" USING btree ("seller_id","warehouse_id");--> statement-breakpoint
CREATE INDEX "stock_levels_product_idx" ON "stock_levels" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "stock_movements_sku_idx" ON "stock_movements" USING btree ("seller_id","sku_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "stock_movements_recent_idx" ON "stock_movements" USING btree ("seller_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "stock_settings_seller_idx" ON "stock_settings" USING btree ("seller_id");--> statement-breakpoint
CREATE UNIQUE INDEX "warehouses_code_idx" ON "warehouses" USING btree (coalesce("seller_id", '00000000-0000-0000-0000-000000000000'::uuid),lower("code"));--> statement-breakpoint
CREATE UNIQUE INDEX "attributes_key_idx" ON "attributes" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "categories_slug_idx" ON "categories" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "categories_parent_idx" ON "categories" USING btree ("parent_id","position");--> statement-breakpoint
CREATE INDEX "categories_path_idx" ON "categories" USING gin ("path");--> statement-breakpoint
CREATE UNIQUE INDEX "document_types_key_idx" ON "document_types" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "rejection_reasons_key_idx" ON "rejection_reasons" USING btree ("key");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "compliance_documents" AS PERMISSIVE FOR ALL TO "app_user" USING ("compliance_documents"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("compliance_documents"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "import_jobs" AS PERMISSIVE FOR ALL TO "app_user" USING ("import_jobs"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("import_jobs"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "listing_reviews" AS PERMISSIVE FOR ALL TO "app_user" USING ("listing_reviews"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("listing_reviews"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "price_holds" AS PERMISSIVE FOR ALL TO "app_user" USING ("price_holds"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("price_holds"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "product_documents" AS PERMISSIVE FOR ALL TO "app_user" USING ("product_documents"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("product_documents"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "product_history" AS PERMISSIVE FOR ALL TO "app_user" USING ("product_history"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("product_history"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "product_images" AS PERMISSIVE FOR ALL TO "app_user" USING ("product_images"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("product_images"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "products" AS PERMISSIVE FOR ALL TO "app_user" USING ("products"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("products"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "sku_prices" AS PERMISSIVE FOR ALL TO "app_user" USING ("sku_prices"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("sku_prices"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "skus" AS PERMISSIVE FOR ALL TO "app_user" USING ("skus"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("skus"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "public_read_select" ON "store_listings" AS PERMISSIVE FOR SELECT TO "app_user" USING (true);--> statement-breakpoint
CREATE POLICY "public_read_insert" ON "store_listings" AS PERMISSIVE FOR INSERT TO "app_user" WITH CHECK ("store_listings"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "public_read_update" ON "store_listings" AS PERMISSIVE FOR UPDATE TO "app_user" USING ("store_listings"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "public_read_delete" ON "store_listings" AS PERMISSIVE FOR DELETE TO "app_user" USING ("store_listings"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "inbound_history" AS PERMISSIVE FOR ALL TO "app_user" USING ("inbound_history"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("inbound_history"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "inbound_lines" AS PERMISSIVE FOR ALL TO "app_user" USING ("inbound_lines"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("inbound_lines"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "inbound_shipments" AS PERMISSIVE FOR ALL TO "app_user" USING ("inbound_shipments"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("inbound_shipments"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reservations" AS PERMISSIVE FOR ALL TO "app_user" USING ("reservations"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("reservations"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "stock_levels" AS PERMISSIVE FOR ALL TO "app_user" USING ("stock_levels"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("stock_levels"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "stock_movements" AS PERMISSIVE FOR ALL TO "app_user" USING ("stock_movements"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("stock_movements"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "stock_settings" AS PERMISSIVE FOR ALL TO "app_user" USING ("stock_settings"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("stock_settings"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "store_stock_defaults" AS PERMISSIVE FOR ALL TO "app_user" USING ("store_stock_defaults"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("store_stock_defaults"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "warehouses_read" ON "warehouses" AS PERMISSIVE FOR SELECT TO "app_user" USING ("warehouses"."seller_id" is null or "warehouses"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "warehouses_insert" ON "warehouses" AS PERMISSIVE FOR INSERT TO "app_user" WITH CHECK ("warehouses"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "warehouses_update" ON "warehouses" AS PERMISSIVE FOR UPDATE TO "app_user" USING ("warehouses"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on') WITH CHECK ("warehouses"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "warehouses_delete" ON "warehouses" AS PERMISSIVE FOR DELETE TO "app_user" USING ("warehouses"."seller_id" = nullif(current_setting('app.seller_id', true), '')::uuid or coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "platform_managed_read" ON "attributes" AS PERMISSIVE FOR SELECT TO "app_user" USING (true);--> statement-breakpoint
CREATE POLICY "platform_managed_insert" ON "attributes" AS PERMISSIVE FOR INSERT TO "app_user" WITH CHECK (coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "platform_managed_update" ON "attributes" AS PERMISSIVE FOR UPDATE TO "app_user" USING (coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "platform_managed_delete" ON "attributes" AS PERMISSIVE FOR DELETE TO "app_user" USING (coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "platform_managed_read" ON "categories" AS PERMISSIVE FOR SELECT TO "app_user" USING (true);--> statement-breakpoint
CREATE POLICY "platform_managed_insert" ON "categories" AS PERMISSIVE FOR INSERT TO "app_user" WITH CHECK (coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "platform_managed_update" ON "categories" AS PERMISSIVE FOR UPDATE TO "app_user" USING (coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "platform_managed_delete" ON "categories" AS PERMISSIVE FOR DELETE TO "app_user" USING (coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "platform_managed_read" ON "category_attributes" AS PERMISSIVE FOR SELECT TO "app_user" USING (true);--> statement-breakpoint
CREATE POLICY "platform_managed_insert" ON "category_attributes" AS PERMISSIVE FOR INSERT TO "app_user" WITH CHECK (coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "platform_managed_update" ON "category_attributes" AS PERMISSIVE FOR UPDATE TO "app_user" USING (coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "platform_managed_delete" ON "category_attributes" AS PERMISSIVE FOR DELETE TO "app_user" USING (coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "platform_managed_read" ON "category_document_types" AS PERMISSIVE FOR SELECT TO "app_user" USING (true);--> statement-breakpoint
CREATE POLICY "platform_managed_insert" ON "category_document_types" AS PERMISSIVE FOR INSERT TO "app_user" WITH CHECK (coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "platform_managed_update" ON "category_document_types" AS PERMISSIVE FOR UPDATE TO "app_user" USING (coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "platform_managed_delete" ON "category_document_types" AS PERMISSIVE FOR DELETE TO "app_user" USING (coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "platform_managed_read" ON "document_types" AS PERMISSIVE FOR SELECT TO "app_user" USING (true);--> statement-breakpoint
CREATE POLICY "platform_managed_insert" ON "document_types" AS PERMISSIVE FOR INSERT TO "app_user" WITH CHECK (coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "platform_managed_update" ON "document_types" AS PERMISSIVE FOR UPDATE TO "app_user" USING (coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "platform_managed_delete" ON "document_types" AS PERMISSIVE FOR DELETE TO "app_user" USING (coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "platform_managed_read" ON "exchange_rates" AS PERMISSIVE FOR SELECT TO "app_user" USING (true);--> statement-breakpoint
CREATE POLICY "platform_managed_insert" ON "exchange_rates" AS PERMISSIVE FOR INSERT TO "app_user" WITH CHECK (coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "platform_managed_update" ON "exchange_rates" AS PERMISSIVE FOR UPDATE TO "app_user" USING (coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "platform_managed_delete" ON "exchange_rates" AS PERMISSIVE FOR DELETE TO "app_user" USING (coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "platform_managed_read" ON "platform_settings" AS PERMISSIVE FOR SELECT TO "app_user" USING (true);--> statement-breakpoint
CREATE POLICY "platform_managed_insert" ON "platform_settings" AS PERMISSIVE FOR INSERT TO "app_user" WITH CHECK (coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "platform_managed_update" ON "platform_settings" AS PERMISSIVE FOR UPDATE TO "app_user" USING (coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "platform_managed_delete" ON "platform_settings" AS PERMISSIVE FOR DELETE TO "app_user" USING (coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "platform_managed_read" ON "rejection_reasons" AS PERMISSIVE FOR SELECT TO "app_user" USING (true);--> statement-breakpoint
CREATE POLICY "platform_managed_insert" ON "rejection_reasons" AS PERMISSIVE FOR INSERT TO "app_user" WITH CHECK (coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "platform_managed_update" ON "rejection_reasons" AS PERMISSIVE FOR UPDATE TO "app_user" USING (coalesce(current_setting('app.platform', true), '') = 'on');--> statement-breakpoint
CREATE POLICY "platform_managed_delete" ON "rejection_reasons" AS PERMISSIVE FOR DELETE TO "app_user" USING (coalesce(current_setting('app.platform', true), '') = 'on');