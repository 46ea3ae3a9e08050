-- The legality conclusion lives inside JSON, so PostgreSQL keeps no statistics on it and guesses
-- a few rows for every value; with these it plans `legalityConclusion=lawful` as the common
-- value it is (expression statistics, PostgreSQL 14+).
CREATE STATISTICS decisions_conclusion_stats ON ((legality_review ->> 'conclusion')) FROM decisions;
