// Step 2 of the archive schema: Vietnamese-aware search inside PostgreSQL, folding text with the
// search engine's own rules (search/vietnamese-text.ts, search/term-forms.ts).
//
// Every article gets a generated tsvector of two forms of each word:
// - exact: lowercase, ð as đ, decomposed, and the tone mark taken off its vowel and written as a digit
//   at the end of the syllable (hòa and hoà both give `hoa1`, thúy and thuý `thuy2`). The local engine
//   puts the tone on one canonical vowel instead; both make "one tone placement" of every spelling, so
//   two spellings meet in one form here exactly when they do there (the golden tests check it).
// - folded: marks stripped and đ→d (dam phan finds đàm phán).
// Both with the i/y rule of term-forms.ts (kỉ lục / kỷ lục). Title words weigh A (exact) and B
// (folded), body words C and D, so an accented query ranks matches written as typed above the rest.
//
// The character tables below are not written by hand: they are computed at module load from the same
// JS functions the local engine uses, so the two cannot drift apart.
//
// Work per article is kept off the full text: PostgreSQL's parser splits and lowercases the text
// once, and the forms are computed from that parse's text form (each distinct word once, with its
// positions), then read back as tsvectors, which merges spellings that became one form.
import { canonicalSyllable, foldCharacters } from '../search/vietnamese-text.ts';
import { iyCanonical } from '../search/term-forms.ts';
import { REPORTER_ROLE } from './archive-schema.ts';

/** The text search configuration: `simple` without the whole-compound and URL-like token types. */
export const SEARCH_CONFIG = 'nr_vietnamese';

/**
 * The tone marks, as canonicalSyllable knows them: the combining marks it moves when they sit on the
 * wrong vowel of "hoa" (the circumflex, breve and horn are letters' shapes and stay where they are).
 */
export const TONE_MARKS: readonly string[] = (() => {
  const marks: string[] = [];
  for (let cp = 0x300; cp <= 0x36f; cp++) {
    const mark = String.fromCharCode(cp);
    // U+0340/U+0341 are old spellings of the grave and acute: normalisation turns them into those.
    if (mark.normalize('NFD') !== mark) continue;
    const misplaced = `ho${mark}a`.normalize('NFC');
    if (misplaced !== `ho${mark}a` && canonicalSyllable(misplaced) !== misplaced) marks.push(mark);
  }
  return marks;
})();

/** The digit that stands for each tone mark in the exact form (1 = TONE_MARKS[0], …). */
const TONE_DIGITS = TONE_MARKS.map((_, i) => String(i + 1)).join('');

/** Latin letters: where the press's Vietnamese and foreign names live (Latin-1 to Latin Extended Additional). */
const LATIN_RANGES: readonly (readonly [number, number])[] = [
  [0xc0, 0x24f],
  [0x1e00, 0x1eff],
];

/**
 * What folding does to lowercase Latin letters, from foldCharacters itself: the combining marks their
 * decompositions carry (stripped), and the letters that fold without decomposing (đ, ð → d).
 */
export const FOLD_TABLE = (() => {
  const marks = new Set<string>();
  let from = '';
  let to = '';
  for (const [low, high] of LATIN_RANGES) {
    for (let cp = low; cp <= high; cp++) {
      const char = String.fromCharCode(cp);
      if (char !== char.toLowerCase()) continue;
      const folded = foldCharacters(char);
      if (folded === char) continue;
      const decomposed = char.normalize('NFD');
      if (decomposed.length > 1 && decomposed[0] === folded) {
        for (const mark of decomposed.slice(1)) marks.add(mark);
      } else {
        from += char;
        to += folded;
      }
    }
  }
  return { marks: [...marks].sort().join(''), from, to };
})();

/** ð (the eth many keyboards give for đ) as the local engine reads it, after lowercasing. */
const ETH = { from: 'ð', to: canonicalSyllable('ð') };

/**
 * The onsets after which a lone i or y is one syllable spelt two ways, found by asking iyCanonical
 * (term-forms.ts) about every Vietnamese onset.
 */
export const FREE_IY_ONSETS: readonly string[] = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'].filter(
  (onset) => iyCanonical(`${onset}i`) === `${onset}y` && iyCanonical(`${onset}ì`) === `${onset}ỳ`,
);

const sqlString = (text: string): string => `'${text.replaceAll("'", "''")}'`;
const regexClass = (chars: string): string => [...chars].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

const TONES = regexClass(TONE_MARKS.join(''));
const IY = FREE_IY_ONSETS.join('|');

/** The exact form of a word the way the archive stores it: the canonical syllable decomposed (NFD), its tone as a digit at its end. */
export function exactKey(canonical: string): string {
  const tones = new RegExp(`([${TONES}])([^' ${TONES}]*)`, 'gu');
  let key = canonical.normalize('NFD').replace(tones, '$2$1');
  for (let i = 0; i < TONE_MARKS.length; i++) key = key.replaceAll(TONE_MARKS[i]!, TONE_DIGITS[i]!);
  return key;
}

// The SQL below works on a tsvector's text form ('hòa':1,4 'bình':2), decomposed (NFD): every
// lexeme is between quotes, so a syllable ends at a quote.
export const ARCHIVE_SEARCH_SCHEMA_SQL = `
DO $$ BEGIN
  IF current_setting('server_encoding') <> 'UTF8' THEN
    RAISE EXCEPTION 'the archive database must use the UTF8 encoding (CREATE DATABASE … ENCODING ''UTF8'')';
  END IF;
  IF lower('ĐÀ NẴNG') <> 'đà nẵng' THEN
    RAISE EXCEPTION 'the archive database needs a UTF-8 locale such as C.UTF-8 or en_US.UTF-8 (its lower() leaves Vietnamese capitals as they are)';
  END IF;
END $$;

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TEXT SEARCH CONFIGURATION ${SEARCH_CONFIG} (COPY = simple);
-- A hyphenated name is indexed as its syllables only (Mát-xcơ-va: mát xcơ va at successive
-- positions); queries ask for it as a phrase. E-mail, URL and file tokens are not words.
ALTER TEXT SEARCH CONFIGURATION ${SEARCH_CONFIG} DROP MAPPING IF EXISTS FOR hword, asciihword, numhword, email, url, host, file, url_path, protocol, entity, tag;

-- The words of a text as the parser splits them, lowercased, ð as đ, decomposed.
CREATE FUNCTION nr_search_parse(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT normalize(translate(to_tsvector('${SEARCH_CONFIG}'::regconfig, CASE WHEN t IS NFC NORMALIZED THEN t ELSE normalize(t, NFC) END)::text,
    ${sqlString(ETH.from)}, ${sqlString(ETH.to)}), NFD)
$$;

-- Exact forms: the tone moved to the end of its syllable and written as a digit; i/y after free onsets
-- as y. They stay decomposed (NFD): they are only ever compared with exactKey's, and composing them
-- again would cost a tenth of the whole computation.
CREATE FUNCTION nr_exact_terms(parsed text) RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT regexp_replace(
    translate(regexp_replace(parsed, '([${TONES}])([^'' ${TONES}]*)', '\\2\\1', 'g'), E'${TONES}', '${TONE_DIGITS}'),
    '''(${IY})i([${TONE_DIGITS}]?)''', '''\\1y\\2''', 'g')::tsvector
$$;

-- Folded forms: the marks foldCharacters strips from Latin letters (a regular expression: translate()
-- compares every character with its whole list), then đ→d.
CREATE FUNCTION nr_folded_terms(parsed text) RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT regexp_replace(translate(regexp_replace(parsed, '[${regexClass(FOLD_TABLE.marks)}]+', '', 'g'), E'${regexClass(FOLD_TABLE.from)}', E'${regexClass(FOLD_TABLE.to)}'),
    '''(${IY})i''', '''\\1y''', 'g')::tsvector
$$;

-- What the archive searches: title exact A, title folded B, body exact C, body folded D.
CREATE FUNCTION nr_search_vector(title text, body text) RETURNS tsvector LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  t text := nr_search_parse(coalesce(title, ''));
  b text := nr_search_parse(coalesce(body, ''));
BEGIN
  RETURN setweight(nr_exact_terms(t), 'A') || setweight(nr_folded_terms(t), 'B')
      || setweight(nr_exact_terms(b), 'C') || setweight(nr_folded_terms(b), 'D');
END $$;

-- The terms of a query word or phrase, in order, the same way as articles' (exact, folded).
CREATE FUNCTION nr_query_terms(t text) RETURNS TABLE (exact text, folded text) LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT e.lexeme, f.lexeme
    FROM unnest(nr_exact_terms(nr_search_parse(t))) e, unnest(e.positions) ep,
         unnest(nr_folded_terms(nr_search_parse(t))) f, unnest(f.positions) fp
   WHERE ep = fp ORDER BY ep
$$;

ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (nr_search_vector(title, body)) STORED;
CREATE INDEX articles_search ON articles USING gin (search);

-- The archive's vocabulary (folded words), for typos: a query word the archive does not know is
-- also looked for as the known words closest to it by trigrams.
CREATE TABLE archive_words (word text PRIMARY KEY);
CREATE INDEX archive_words_trigrams ON archive_words USING gin (word gin_trgm_ops);

CREATE FUNCTION nr_collect_words() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO archive_words (word)
  SELECT DISTINCT w.lexeme FROM changed_articles a, unnest(ts_filter(a.search, '{b,d}')) w
   WHERE length(w.lexeme) BETWEEN 2 AND 40
   ORDER BY 1
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER articles_words_insert AFTER INSERT ON articles REFERENCING NEW TABLE AS changed_articles
  FOR EACH STATEMENT EXECUTE FUNCTION nr_collect_words();
CREATE TRIGGER articles_words_update AFTER UPDATE ON articles REFERENCING NEW TABLE AS changed_articles
  FOR EACH STATEMENT EXECUTE FUNCTION nr_collect_words();

-- Which of these folded words the archive knows. Reporters may not read the vocabulary itself.
CREATE FUNCTION nr_known_words(words text[]) RETURNS SETOF text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT word FROM archive_words WHERE word = ANY(words)
$$;
-- Known words closest to a word the archive does not know (pg_trgm similarity), best first.
CREATE FUNCTION nr_similar_words(typed text, how_many int) RETURNS SETOF text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT word FROM archive_words WHERE word % typed ORDER BY similarity(word, typed) DESC, word LIMIT least(how_many, 10)
$$;
REVOKE ALL ON archive_words FROM PUBLIC;

-- Searching runs as the archive's owner. Under row-level security PostgreSQL may not use the GIN
-- index for @@ (ts_match_vq is not leakproof, so it may not run before the policy): every search
-- would read every article. These functions apply the articles_read rule themselves, for session_user:
-- the reporter who logged in, which a reporter cannot change (SET ROLE changes current_user only).
-- The rule is checked one matching article at a time (plpgsql keeps the planner from hashing every
-- share of the reporter's desks for each query), and only until enough are found.
CREATE FUNCTION nr_article_visible_to(article uuid, who name, desks text[]) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN EXISTS (SELECT 1 FROM article_owners o WHERE o.article_id = article AND o.owner = who)
      OR EXISTS (SELECT 1 FROM article_shares s WHERE s.article_id = article AND s.desk = ANY (desks));
END $$;

-- One page of the first max_ranked matches the reporter may see, best first, with how many there were.
CREATE FUNCTION nr_search(q tsquery, weights float4[], max_ranked int, page_limit int, page_offset int)
RETURNS TABLE (found bigint, score real, id uuid, title text, source text, author text, url text, published_at text, body text, added_by text[], desks text[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH me AS MATERIALIZED (SELECT session_user AS who, ARRAY(SELECT nr_my_desks()) AS desks),
  ranked AS (
    SELECT a.id, ts_rank(weights, a.search, q) AS score
      FROM articles a, me
     WHERE a.search @@ q AND nr_article_visible_to(a.id, me.who, me.desks)
     LIMIT max_ranked),
  page AS (
    SELECT r.id, r.score, count(*) OVER () AS found FROM ranked r ORDER BY r.score DESC, r.id LIMIT page_limit OFFSET page_offset)
  SELECT p.found, p.score, a.id, a.title, a.source, a.author, a.url, a.published_at, a.body,
         ARRAY(SELECT DISTINCT w FROM unnest(ARRAY[a.added_by::text] || ARRAY(SELECT o.owner::text FROM article_owners o WHERE o.article_id = a.id AND o.owner = me.who)) w ORDER BY w),
         ARRAY(SELECT s.desk FROM article_shares s WHERE s.article_id = a.id AND s.desk = ANY (me.desks) ORDER BY s.desk)
    FROM page p JOIN articles a ON a.id = p.id CROSS JOIN me
   ORDER BY p.score DESC, a.id
$$;

-- How many matches the reporter may see, counted up to cap.
CREATE FUNCTION nr_search_count(q tsquery, cap int) RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH me AS MATERIALIZED (SELECT session_user AS who, ARRAY(SELECT nr_my_desks()) AS desks)
  SELECT count(*) FROM (SELECT 1 FROM articles a, me WHERE a.search @@ q AND nr_article_visible_to(a.id, me.who, me.desks) LIMIT cap) m
$$;
REVOKE ALL ON FUNCTION nr_article_visible_to(uuid, name, text[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION nr_search(tsquery, float4[], int, int, int), nr_search_count(tsquery, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nr_search(tsquery, float4[], int, int, int), nr_search_count(tsquery, int) TO ${REPORTER_ROLE};
GRANT EXECUTE ON FUNCTION nr_known_words(text[]), nr_similar_words(text, int) TO ${REPORTER_ROLE};
`;
