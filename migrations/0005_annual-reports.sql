CREATE TABLE "annual_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	"grid_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text,
	"addressee" text NOT NULL,
	"issuer" text NOT NULL,
	"narrative" jsonb NOT NULL,
	"status" text NOT NULL,
	"submitted_at" timestamp (3) with time zone,
	"published_at" timestamp (3) with time zone,
	"figures" jsonb,
	"search_text" text GENERATED ALWAYS AS (lower(coalesce(title, '') || ' ' || addressee || ' ' || issuer)) STORED,
	"search_bigrams" text[] GENERATED ALWAYS AS (fazhi_bigrams(lower(coalesce(title, '') || ' ' || addressee || ' ' || issuer))) STORED
);
--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_grid_unit_id_grid_units_id_fk" FOREIGN KEY ("grid_unit_id") REFERENCES "public"."grid_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reports_unit_year_live_key" ON "annual_reports" USING btree ("grid_unit_id","year") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "annual_reports_year_idx" ON "annual_reports" USING btree ("year","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "annual_reports_grid_year_idx" ON "annual_reports" USING btree ("grid_unit_id","year","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "annual_reports_status_year_idx" ON "annual_reports" USING btree ("status","year","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "annual_reports_created_idx" ON "annual_reports" USING btree ("created_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "annual_reports_updated_idx" ON "annual_reports" USING btree ("updated_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "annual_reports_search_idx" ON "annual_reports" USING gin ("search_bigrams") WHERE deleted_at IS NULL;