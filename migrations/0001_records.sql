CREATE TABLE "grid_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_id" uuid,
	"path" uuid[] NOT NULL,
	"description" text,
	"workers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(name || ' ' || code)) STORED,
	"search_bigrams" text[] GENERATED ALWAYS AS (fazhi_bigrams(lower(name || ' ' || code))) STORED
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	"grid_unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"category" text NOT NULL,
	"source" text NOT NULL,
	"is_petition_backlog" boolean DEFAULT false NOT NULL,
	"parties" jsonb NOT NULL,
	"reported_at" timestamp (3) with time zone NOT NULL,
	"mediator" text,
	"status" text NOT NULL,
	"resolution" jsonb,
	"search_text" text GENERATED ALWAYS AS (lower(title || ' ' || coalesce(description, '') || ' ' || coalesce(mediator, ''))) STORED,
	"search_bigrams" text[] GENERATED ALWAYS AS (fazhi_bigrams(lower(title || ' ' || coalesce(description, '') || ' ' || coalesce(mediator, '')))) STORED
);
--> statement-breakpoint
CREATE TABLE "enforcement_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	"grid_unit_id" uuid NOT NULL,
	"case_number" text NOT NULL,
	"title" text NOT NULL,
	"domain" text NOT NULL,
	"is_major" boolean DEFAULT false NOT NULL,
	"party" jsonb NOT NULL,
	"officers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"registered_at" timestamp (3) with time zone NOT NULL,
	"status" text NOT NULL,
	"legal_review" jsonb,
	"decision" jsonb,
	"published_at" timestamp (3) with time zone,
	"recordings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reviews" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(case_number || ' ' || title)) STORED,
	"search_bigrams" text[] GENERATED ALWAYS AS (fazhi_bigrams(lower(case_number || ' ' || title))) STORED
);
--> statement-breakpoint
CREATE TABLE "legal_education_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	"grid_unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"theme" text,
	"format" text NOT NULL,
	"venue_type" text NOT NULL,
	"audience" text NOT NULL,
	"location" text,
	"organizer" text,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone,
	"materials_distributed" integer DEFAULT 0 NOT NULL,
	"attendance" integer DEFAULT 0 NOT NULL,
	"media_items" integer DEFAULT 0 NOT NULL,
	"notes" text,
	"search_text" text GENERATED ALWAYS AS (lower(title || ' ' || coalesce(theme, '') || ' ' || coalesce(location, '') || ' ' || coalesce(organizer, '') || ' ' || coalesce(notes, ''))) STORED,
	"search_bigrams" text[] GENERATED ALWAYS AS (fazhi_bigrams(lower(title || ' ' || coalesce(theme, '') || ' ' || coalesce(location, '') || ' ' || coalesce(organizer, '') || ' ' || coalesce(notes, '')))) STORED
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	"grid_unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"category" text NOT NULL,
	"proposed_by" text NOT NULL,
	"proposed_at" timestamp (3) with time zone NOT NULL,
	"status" text NOT NULL,
	"public_participation" jsonb,
	"expert_argumentation" jsonb,
	"risk_assessment" jsonb,
	"legality_review" jsonb,
	"collective_discussion" jsonb,
	"published_at" timestamp (3) with time zone,
	"search_text" text GENERATED ALWAYS AS (lower(title || ' ' || coalesce(summary, '') || ' ' || proposed_by)) STORED,
	"search_bigrams" text[] GENERATED ALWAYS AS (fazhi_bigrams(lower(title || ' ' || coalesce(summary, '') || ' ' || proposed_by))) STORED
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"grid_unit_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"seq" bigint,
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"request_id" text NOT NULL,
	"action" text NOT NULL,
	"resource_type" text NOT NULL,
	"resource_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"api_key_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_api_key_id_key_pk" PRIMARY KEY("api_key_id","key")
);
--> statement-breakpoint
ALTER TABLE "grid_units" ADD CONSTRAINT "grid_units_parent_id_grid_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."grid_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_grid_unit_id_grid_units_id_fk" FOREIGN KEY ("grid_unit_id") REFERENCES "public"."grid_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_cases" ADD CONSTRAINT "enforcement_cases_grid_unit_id_grid_units_id_fk" FOREIGN KEY ("grid_unit_id") REFERENCES "public"."grid_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_education_events" ADD CONSTRAINT "legal_education_events_grid_unit_id_grid_units_id_fk" FOREIGN KEY ("grid_unit_id") REFERENCES "public"."grid_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_grid_unit_id_grid_units_id_fk" FOREIGN KEY ("grid_unit_id") REFERENCES "public"."grid_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_grid_unit_id_grid_units_id_fk" FOREIGN KEY ("grid_unit_id") REFERENCES "public"."grid_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "grid_units_code_live_key" ON "grid_units" USING btree ("code") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "grid_units_code_idx" ON "grid_units" USING btree ("code","id");--> statement-breakpoint
CREATE INDEX "grid_units_name_idx" ON "grid_units" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "grid_units_created_idx" ON "grid_units" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "grid_units_updated_idx" ON "grid_units" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "grid_units_parent_idx" ON "grid_units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "grid_units_path_idx" ON "grid_units" USING gin ("path");--> statement-breakpoint
CREATE INDEX "grid_units_search_idx" ON "grid_units" USING gin ("search_bigrams");--> statement-breakpoint
CREATE INDEX "disputes_reported_idx" ON "disputes" USING btree ("reported_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "disputes_grid_reported_idx" ON "disputes" USING btree ("grid_unit_id","reported_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "disputes_status_reported_idx" ON "disputes" USING btree ("status","reported_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "disputes_source_reported_idx" ON "disputes" USING btree ("source","reported_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "disputes_backlog_reported_idx" ON "disputes" USING btree ("reported_at","id") WHERE deleted_at IS NULL AND is_petition_backlog;--> statement-breakpoint
CREATE INDEX "disputes_category_reported_idx" ON "disputes" USING btree ("category","reported_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "disputes_created_idx" ON "disputes" USING btree ("created_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "disputes_updated_idx" ON "disputes" USING btree ("updated_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "disputes_search_idx" ON "disputes" USING gin ("search_bigrams") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_cases_case_number_live_key" ON "enforcement_cases" USING btree ("case_number") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "enforcement_cases_case_number_idx" ON "enforcement_cases" USING btree ("case_number","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "enforcement_cases_registered_idx" ON "enforcement_cases" USING btree ("registered_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "enforcement_cases_open_registered_idx" ON "enforcement_cases" USING btree ("registered_at","id") WHERE deleted_at IS NULL AND status IN ('registered', 'investigating', 'legal_review');--> statement-breakpoint
CREATE INDEX "enforcement_cases_major_registered_idx" ON "enforcement_cases" USING btree ("registered_at","id") WHERE deleted_at IS NULL AND is_major;--> statement-breakpoint
CREATE INDEX "enforcement_cases_grid_reviewed_idx" ON "enforcement_cases" USING btree ("grid_unit_id") WHERE deleted_at IS NULL AND reviews <> '[]'::jsonb;--> statement-breakpoint
CREATE INDEX "enforcement_cases_grid_registered_idx" ON "enforcement_cases" USING btree ("grid_unit_id","registered_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "enforcement_cases_status_registered_idx" ON "enforcement_cases" USING btree ("status","registered_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "enforcement_cases_domain_registered_idx" ON "enforcement_cases" USING btree ("domain","registered_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "enforcement_cases_created_idx" ON "enforcement_cases" USING btree ("created_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "enforcement_cases_updated_idx" ON "enforcement_cases" USING btree ("updated_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "enforcement_cases_search_idx" ON "enforcement_cases" USING gin ("search_bigrams") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "legal_education_events_starts_idx" ON "legal_education_events" USING btree ("starts_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "legal_education_events_grid_starts_idx" ON "legal_education_events" USING btree ("grid_unit_id","starts_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "legal_education_events_format_starts_idx" ON "legal_education_events" USING btree ("format","starts_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "legal_education_events_venue_starts_idx" ON "legal_education_events" USING btree ("venue_type","starts_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "legal_education_events_audience_starts_idx" ON "legal_education_events" USING btree ("audience","starts_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "legal_education_events_created_idx" ON "legal_education_events" USING btree ("created_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "legal_education_events_updated_idx" ON "legal_education_events" USING btree ("updated_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "legal_education_events_search_idx" ON "legal_education_events" USING gin ("search_bigrams") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "decisions_proposed_idx" ON "decisions" USING btree ("proposed_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "decisions_grid_proposed_idx" ON "decisions" USING btree ("grid_unit_id","proposed_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "decisions_status_proposed_idx" ON "decisions" USING btree ("status","proposed_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "decisions_category_proposed_idx" ON "decisions" USING btree ("category","proposed_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "decisions_conclusion_proposed_idx" ON "decisions" USING btree ((legality_review ->> 'conclusion'),"proposed_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "decisions_grid_steps_idx" ON "decisions" USING btree ("grid_unit_id") WHERE deleted_at IS NULL AND (legality_review IS NOT NULL OR collective_discussion IS NOT NULL);--> statement-breakpoint
CREATE INDEX "decisions_created_idx" ON "decisions" USING btree ("created_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "decisions_updated_idx" ON "decisions" USING btree ("updated_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "decisions_search_idx" ON "decisions" USING gin ("search_bigrams") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_seq_key" ON "audit_events" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "audit_events_unsequenced_idx" ON "audit_events" USING btree ("id") WHERE seq IS NULL;--> statement-breakpoint
CREATE INDEX "audit_events_resource_idx" ON "audit_events" USING btree ("resource_id","seq");--> statement-breakpoint
CREATE INDEX "audit_events_type_idx" ON "audit_events" USING btree ("resource_type","seq");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");