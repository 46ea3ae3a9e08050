-- Every two-character substring of a text, for the `q` filter. Chinese words are often two
-- characters long (土地, 邻里), shorter than a trigram: a GIN index over these bigrams finds the
-- candidate rows, and `search_text LIKE '%…%'` confirms each one. Duplicates are left in (the
-- index stores each key once), which halves the cost of computing it on every write.
CREATE FUNCTION fazhi_bigrams(input text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(substr(input, i, 2)), '{}')
  FROM generate_series(1, char_length(input) - 1) AS i
$$;
