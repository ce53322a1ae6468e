// Step 3 of the archive schema: phrase search through the index.
//
// GIN on a tsvector stores which articles hold a lexeme, not where: for `'dam' <-> 'phan'` it can only
// hand PostgreSQL every article holding both syllables, and each one's (TOASTed) vector is then read to
// check positions. At 200,000 articles a phrase of common syllables took seconds. So the search vector
// now also holds every pair of adjacent folded syllables as a lexeme of its own (`dam_phan`), without
// positions (they are only looked up, never ranked or checked for order), and a phrase query ANDs its
// pairs beside the `<->` check: GIN intersects the pairs' posting lists, and the position check runs
// on the few articles that hold them all.
//
// Pairs, like the local engine's phrases, do not cross sentence punctuation (tokenizer.ts
// breaksSentence): before parsing, every break gets a marker word, which takes a position and is then
// deleted, so syllables either side of a comma are two positions apart. That also makes the `<->`
// check itself stop at punctuation, as the local engine's phrases do.
//
// The step recomputes every article's vector (the generated column is dropped and added again, which
// rewrites the table), so articles written before it get their pairs.
import { DOTTED_PREFIXES } from '../search/press-abbreviations.ts';
import { SENTENCE_MARKS } from '../search/tokenizer.ts';
import { SEARCH_CONFIG } from './archive-search-schema.ts';

/** Joins a pair's two folded syllables: never part of a lexeme, since the parser splits words at it. */
export const PAIR_JOINER = '_';

/** The word standing for a sentence break while the text is parsed (deleted from the vector after). */
const BREAK_MARKER = 'nrsentencebreak';

const escapeClassChar = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
const caseless = (prefix: string): string => [...prefix].map((c) => `[${c}${c.toUpperCase()}]`).join('');

/**
 * breaksSentence as PostgreSQL regular expressions over the running text (without lookaround
 * constraints, which made PostgreSQL's matcher take ~20 ms per article). First a period after a
 * dotted prefix (TP., GS.) or a capital initial (H. Nam) is set aside as U+0001, so it does not count;
 * then every character that ends a clause gets the marker:
 * - a sentence mark (semicolon, colon, ?, !, …, dashes, line breaks);
 * - `,` and `.`, except inside a number (3,5; 1.000), which the local scanner reads as one token;
 * - a hyphen with a space on either side (a hyphen inside Mát-xcơ-va joins).
 * Known difference: the local engine also breaks when an abbreviation's period is followed by other
 * punctuation ("TP.)"); here only the other punctuation counts.
 */
export const ABBREVIATION_PERIOD_PATTERN = `\\m(${[...DOTTED_PREFIXES].filter((p) => p.length > 1).map(caseless).join('|')}|[[:upper:]])\\.`;
export const BREAK_PATTERN = `([^0-9])[.,]|[.,]([^0-9])|[${[...SENTENCE_MARKS].filter((c) => c !== ',').map(escapeClassChar).join('')}]|[[:space:]]-|-[[:space:]]`;

const SET_ASIDE = '\\u0001';

export const ARCHIVE_SEARCH_PAIRS_SQL = `
-- nr_search_parse with a gap at each sentence break: the break's marker word takes a position.
CREATE FUNCTION nr_search_parse_clauses(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT normalize(translate(ts_delete(to_tsvector('${SEARCH_CONFIG}'::regconfig,
      translate(regexp_replace(regexp_replace(CASE WHEN t IS NFC NORMALIZED THEN t ELSE normalize(t, NFC) END,
        '${ABBREVIATION_PERIOD_PATTERN}', E'\\\\1${SET_ASIDE}', 'g'),
        '${BREAK_PATTERN}', E'\\\\1 ${BREAK_MARKER} \\\\2', 'g'), E'${SET_ASIDE}', '.')),
      '${BREAK_MARKER}'::text)::text, 'ð', 'đ'), NFD)
$$;

-- Every two folded syllables at successive positions, as positionless lexemes a${PAIR_JOINER}b.
CREATE FUNCTION nr_syllable_pairs(folded tsvector) RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_to_tsvector(array_agg(s.pair)), ''::tsvector)
    FROM (SELECT lag(u.lexeme) OVER w || '${PAIR_JOINER}' || u.lexeme AS pair, lag(p) OVER w = p - 1 AS adjacent
            FROM unnest(folded) u, unnest(u.positions) p WINDOW w AS (ORDER BY p)) s
   WHERE s.adjacent
$$;

-- nr_search_vector's four weighted forms, parsed with sentence gaps, plus the title's and body's pairs.
CREATE FUNCTION nr_article_search_vector(title text, body text) RETURNS tsvector LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  t text := nr_search_parse_clauses(coalesce(title, ''));
  b text := nr_search_parse_clauses(coalesce(body, ''));
  title_folded tsvector := nr_folded_terms(t);
  body_folded tsvector := nr_folded_terms(b);
BEGIN
  RETURN setweight(nr_exact_terms(t), 'A') || setweight(title_folded, 'B')
      || setweight(nr_exact_terms(b), 'C') || setweight(body_folded, 'D')
      || nr_syllable_pairs(title_folded) || nr_syllable_pairs(body_folded);
END $$;

-- A generated column's expression cannot be changed in place before PostgreSQL 17: dropped and added
-- again, which computes every existing article's new vector.
ALTER TABLE articles DROP COLUMN search;
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (nr_article_search_vector(title, body)) STORED;
CREATE INDEX articles_search ON articles USING gin (search);
DROP FUNCTION nr_search_vector(text, text);
`;
