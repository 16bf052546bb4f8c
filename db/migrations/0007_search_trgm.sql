-- Trigram index for reader search: substring matches (Korean words inside longer words, English
-- words, any script) on the same lower-cased document the search query uses.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "articles_search_trgm_idx" ON "articles" USING gin ((lower("title" || ' ' || "dek"::text || ' ' || "full_text")) gin_trgm_ops);
