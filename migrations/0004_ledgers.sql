CREATE TABLE "rule_of_law_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	"grid_unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"held_at" timestamp (3) with time zone NOT NULL,
	"chaired_by" text NOT NULL,
	"chair_is_principal" boolean DEFAULT false NOT NULL,
	"attendance" integer DEFAULT 0 NOT NULL,
	"summary" text,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(title || ' ' || chaired_by || ' ' || coalesce(summary, ''))) STORED,
	"search_bigrams" text[] GENERATED ALWAYS AS (fazhi_bigrams(lower(title || ' ' || chaired_by || ' ' || coalesce(summary, '')))) STORED
);
--> statement-breakpoint
CREATE TABLE "work_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	"grid_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"adopted_at" timestamp (3) with time zone,
	"tasks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(title)) STORED,
	"search_bigrams" text[] GENERATED ALWAYS AS (fazhi_bigrams(lower(title))) STORED
);
--> statement-breakpoint
CREATE TABLE "legal_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	"grid_unit_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"provider" text NOT NULL,
	"provider_name" text,
	"recipient" text NOT NULL,
	"kind" text NOT NULL,
	"served_at" timestamp (3) with time zone NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"opinion_issued" boolean DEFAULT false NOT NULL,
	"notes" text,
	"search_text" text GENERATED ALWAYS AS (lower(subject || ' ' || coalesce(provider_name, '') || ' ' || coalesce(notes, ''))) STORED,
	"search_bigrams" text[] GENERATED ALWAYS AS (fazhi_bigrams(lower(subject || ' ' || coalesce(provider_name, '') || ' ' || coalesce(notes, '')))) STORED
);
--> statement-breakpoint
CREATE TABLE "publicity_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	"grid_unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"channels" text[] NOT NULL,
	"published_at" timestamp (3) with time zone NOT NULL,
	"uri" text,
	"search_text" text GENERATED ALWAYS AS (lower(title)) STORED,
	"search_bigrams" text[] GENERATED ALWAYS AS (fazhi_bigrams(lower(title))) STORED
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	"grid_unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"domain" text NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"ended_at" timestamp (3) with time zone,
	"cases_reviewed" integer DEFAULT 0 NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(title)) STORED,
	"search_bigrams" text[] GENERATED ALWAYS AS (fazhi_bigrams(lower(title))) STORED
);
--> statement-breakpoint
ALTER TABLE "grid_units" ADD COLUMN "facilities" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "rule_of_law_meetings" ADD CONSTRAINT "rule_of_law_meetings_grid_unit_id_grid_units_id_fk" FOREIGN KEY ("grid_unit_id") REFERENCES "public"."grid_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plans" ADD CONSTRAINT "work_plans_grid_unit_id_grid_units_id_fk" FOREIGN KEY ("grid_unit_id") REFERENCES "public"."grid_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_services" ADD CONSTRAINT "legal_services_grid_unit_id_grid_units_id_fk" FOREIGN KEY ("grid_unit_id") REFERENCES "public"."grid_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_items" ADD CONSTRAINT "publicity_items_grid_unit_id_grid_units_id_fk" FOREIGN KEY ("grid_unit_id") REFERENCES "public"."grid_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_grid_unit_id_grid_units_id_fk" FOREIGN KEY ("grid_unit_id") REFERENCES "public"."grid_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rule_of_law_meetings_held_idx" ON "rule_of_law_meetings" USING btree ("held_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "rule_of_law_meetings_grid_held_idx" ON "rule_of_law_meetings" USING btree ("grid_unit_id","held_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "rule_of_law_meetings_kind_held_idx" ON "rule_of_law_meetings" USING btree ("kind","held_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "rule_of_law_meetings_created_idx" ON "rule_of_law_meetings" USING btree ("created_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "rule_of_law_meetings_updated_idx" ON "rule_of_law_meetings" USING btree ("updated_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "rule_of_law_meetings_search_idx" ON "rule_of_law_meetings" USING gin ("search_bigrams") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "work_plans_year_idx" ON "work_plans" USING btree ("year","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "work_plans_grid_year_idx" ON "work_plans" USING btree ("grid_unit_id","year","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "work_plans_status_year_idx" ON "work_plans" USING btree ("status","year","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "work_plans_created_idx" ON "work_plans" USING btree ("created_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "work_plans_updated_idx" ON "work_plans" USING btree ("updated_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "work_plans_search_idx" ON "work_plans" USING gin ("search_bigrams") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "legal_services_served_idx" ON "legal_services" USING btree ("served_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "legal_services_grid_served_idx" ON "legal_services" USING btree ("grid_unit_id","served_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "legal_services_kind_served_idx" ON "legal_services" USING btree ("kind","served_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "legal_services_provider_served_idx" ON "legal_services" USING btree ("provider","served_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "legal_services_created_idx" ON "legal_services" USING btree ("created_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "legal_services_updated_idx" ON "legal_services" USING btree ("updated_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "legal_services_search_idx" ON "legal_services" USING gin ("search_bigrams") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "publicity_items_published_idx" ON "publicity_items" USING btree ("published_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "publicity_items_grid_published_idx" ON "publicity_items" USING btree ("grid_unit_id","published_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "publicity_items_category_published_idx" ON "publicity_items" USING btree ("category","published_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "publicity_items_channels_idx" ON "publicity_items" USING gin ("channels") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "publicity_items_created_idx" ON "publicity_items" USING btree ("created_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "publicity_items_updated_idx" ON "publicity_items" USING btree ("updated_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "publicity_items_search_idx" ON "publicity_items" USING gin ("search_bigrams") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "inspections_started_idx" ON "inspections" USING btree ("started_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "inspections_grid_started_idx" ON "inspections" USING btree ("grid_unit_id","started_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "inspections_kind_started_idx" ON "inspections" USING btree ("kind","started_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "inspections_status_started_idx" ON "inspections" USING btree ("status","started_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "inspections_domain_started_idx" ON "inspections" USING btree ("domain","started_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "inspections_created_idx" ON "inspections" USING btree ("created_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "inspections_updated_idx" ON "inspections" USING btree ("updated_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "inspections_search_idx" ON "inspections" USING gin ("search_bigrams") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "disputes_open_reported_idx" ON "disputes" USING btree ("reported_at","id") WHERE deleted_at IS NULL AND status IN ('reported', 'mediating', 'escalated');--> statement-breakpoint
CREATE INDEX "disputes_grid_backlog_resolved_idx" ON "disputes" USING btree ("grid_unit_id",((resolution ->> 'resolvedAt') COLLATE "C")) WHERE deleted_at IS NULL AND is_petition_backlog AND status = 'resolved';