// Step 4 of the archive schema: what EXPLAIN ANALYZE of nr_search showed at 50,000 articles
// (docs/archive-scale.md, "Where a word search's time goes").
//
// - The plan did not know the query. nr_search was a SQL function, so its statement was planned with
//   the tsquery as an unknown parameter: a fixed guess of 250 matches, hence always a bitmap scan,
//   which reads a word's whole posting list and builds a bitmap of every match (40,000 for a common
//   word at 50,000 articles) before the first 200 are taken. nr_search and nr_search_count are now
//   plpgsql running their statement with EXECUTE … USING, planned for each query's own lexemes: a
//   common word is a sequential scan that stops after about 200 matches, a rare word or a phrase's
//   pairs a bitmap scan of a short list.
// - Visibility: nr_article_visible_to looked for the reporter's own copy first and the desk share
//   second; most matches a reporter sees in a newsroom archive are desk shares, so the share is looked
//   up first and most matches cost one index probe, not two.
export const ARCHIVE_SEARCH_PLANS_SQL = `
CREATE OR REPLACE FUNCTION nr_article_visible_to(article uuid, who name, desks text[]) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN EXISTS (SELECT 1 FROM article_shares s WHERE s.article_id = article AND s.desk = ANY (desks))
      OR EXISTS (SELECT 1 FROM article_owners o WHERE o.article_id = article AND o.owner = who);
END $$;

CREATE OR REPLACE FUNCTION nr_search(q tsquery, weights float4[], max_ranked int, page_limit int, page_offset int)
RETURNS TABLE (found bigint, score real, id uuid, title text, source text, author text, url text, published_at text, body text, added_by text[], desks text[])
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $fn$
BEGIN
  RETURN QUERY EXECUTE $q$
  WITH me AS MATERIALIZED (SELECT session_user AS who, ARRAY(SELECT nr_my_desks()) AS desks),
  ranked AS (
    SELECT a.id, ts_rank($2, a.search, $1) AS score
      FROM articles a, me
     WHERE a.search @@ $1 AND nr_article_visible_to(a.id, me.who, me.desks)
     LIMIT $3),
  page AS (
    SELECT r.id, r.score, count(*) OVER () AS found FROM ranked r ORDER BY r.score DESC, r.id LIMIT $4 OFFSET $5)
  SELECT p.found, p.score, a.id, a.title, a.source, a.author, a.url, a.published_at, a.body,
         ARRAY(SELECT DISTINCT w FROM unnest(ARRAY[a.added_by::text] || ARRAY(SELECT o.owner::text FROM article_owners o WHERE o.article_id = a.id AND o.owner = me.who)) w ORDER BY w),
         ARRAY(SELECT s.desk FROM article_shares s WHERE s.article_id = a.id AND s.desk = ANY (me.desks) ORDER BY s.desk)
    FROM page p JOIN articles a ON a.id = p.id CROSS JOIN me
   ORDER BY p.score DESC, a.id
  $q$ USING q, weights, max_ranked, page_limit, page_offset;
END $fn$;

CREATE OR REPLACE FUNCTION nr_search_count(q tsquery, cap int) RETURNS bigint LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $fn$
DECLARE
  n bigint;
BEGIN
  EXECUTE $q$
    WITH me AS MATERIALIZED (SELECT session_user AS who, ARRAY(SELECT nr_my_desks()) AS desks)
    SELECT count(*) FROM (SELECT 1 FROM articles a, me WHERE a.search @@ $1 AND nr_article_visible_to(a.id, me.who, me.desks) LIMIT $2) m
  $q$ INTO n USING q, cap;
  RETURN n;
END $fn$;
`;
