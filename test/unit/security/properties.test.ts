import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchor, describeRange } from '../../../annotations/anchoring.ts';
import { createDispatcher, type CommandHandlers } from '../../../commands/dispatcher.ts';
import { COMMAND_NAMES, validateArgs, type CommandName } from '../../../contract/index.ts';
import { isEmptyQuery, parseQuery } from '../../../search/query-parser.ts';
import { runSearch } from '../../../search/run-search.ts';
import { SearchEngine } from '../../../search/search-engine.ts';
import { doc } from '../search/search-fixtures.ts';

// Bounded: modest run counts and a fixed seed, so the suite stays quick and a failure replays.
const RUNS = { numRuns: 200, seed: 20_261_127 };

/** Text with what queries and articles are made of: Vietnamese letters (composed and not), query syntax, odd Unicode. */
const PIECES = [
  'đàm', 'phán', 'hoà', 'hòa', 'khoẻ', 'Thủ', 'tướng', 'dam', 'phan', 'a', 'Ư', ' ', ' ', '  ', '\n', '\t', '"', '-', '-"', 'title:', 'source:',
  'tag:', 'author:', ':', '*', '^', '~2', '+', '(', ')', '\\', '😀', '\u0301', '\u200b', '\ud800', '0', '30.410', '.', ',', '…', 'ß', 'İ',
];
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 40 }).map((parts) => parts.join(''));

describe('the query parser (property)', () => {
  const docs = [
    doc('a', 'Đàm phán ngừng bắn', 'Hai bên nối lại đàm phán tại Doha. Thủ tướng cho biết hoà bình là mục tiêu.', { source: 'VnExpress', tags: ['thời sự'] }),
    doc('b', 'Giá vàng hôm nay', 'Giá vàng tăng mạnh, 30.410 đồng. Khoẻ mạnh và hòa nhã.', { author: 'Minh Anh' }),
  ];
  const engine = SearchEngine.build(docs);
  const segments = { engines: [engine], removed: new Set<string>(), documents: (ids: readonly string[]) => docs.filter((d) => ids.includes(d.id)) };

  it('never throws, and gives clauses or says the query is empty', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const parsed = parseQuery(raw);
        const clauses = parsed.words.length + parsed.phrases.length + parsed.excludedWords.length + parsed.excludedPhrases.length + parsed.filters.length;
        expect(isEmptyQuery(parsed) || clauses > 0).toBe(true);
        for (const word of [...parsed.words, ...parsed.phrases.flat()]) expect(word.folded.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('searching with any query never throws and answers a well-formed result', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 50 }), (raw, limit) => {
        const result = runSearch(raw, segments, { limit });
        expect(result.total).toBeGreaterThanOrEqual(0);
        expect(result.hits.length).toBeLessThanOrEqual(limit);
      }),
      { ...RUNS, numRuns: 100 },
    );
  });
});

describe('the contract’s argument validation (property)', () => {
  const handlers = Object.fromEntries(COMMAND_NAMES.map((name) => [name, () => null])) as unknown as CommandHandlers;
  const dispatch = createDispatcher(handlers, { host: 'serve' });
  const name = fc.oneof(fc.constantFrom(...COMMAND_NAMES), fc.string({ maxLength: 30 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'));
  const args = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.constant(undefined),
    fc.record({ path: fc.string(), jobId: fc.string(), offset: fc.double(), limit: fc.double(), query: fc.string(), id: fc.string() }, { requiredKeys: [] }),
  );

  it('validateArgs never throws on random JSON', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COMMAND_NAMES), args, (command: CommandName, value) => {
        const checked = validateArgs(command, value);
        expect(typeof checked.ok).toBe('boolean');
        if (!checked.ok) expect(checked.message).toMatch(/^Invalid arguments for /);
      }),
      RUNS,
    );
  });

  it('dispatch always answers an envelope', async () => {
    await fc.assert(
      fc.asyncProperty(name, args, async (command, value) => {
        const outcome = await dispatch(command, value);
        expect(typeof outcome.ok).toBe('boolean');
        if (!outcome.ok) {
          expect(['invalid-arguments', 'unknown-command', 'unsupported', 'not-found', 'failed']).toContain(outcome.error.code);
          expect(outcome.error.message.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });
});

describe('anchoring (property)', () => {
  const BODY_PIECES = ['Đàm phán', ' ', '\n\n', 'hoà bình', 'ngừng bắn', '.', 'x', 'x', 'x', '😀', 'Thủ tướng', '30.410', 'đ', 'Ư'];
  const body = fc.array(fc.constantFrom(...BODY_PIECES), { minLength: 1, maxLength: 60 });

  it('an anchor on unchanged text returns the same range', () => {
    fc.assert(
      fc.property(body, fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('').normalize('NFC');
        // Ranges on piece boundaries, so a surrogate pair is never split.
        const bounds = [0];
        for (const piece of parts) bounds.push(bounds.at(-1)! + piece.length);
        const i = a % bounds.length;
        const j = b % bounds.length;
        const [start, end] = [bounds[Math.min(i, j)]!, bounds[Math.max(i, j)]!];
        fc.pre(start < end && text.slice(start, end).trim() !== '');
        const selectors = describeRange(text, start, end);
        expect(anchor(text, selectors)).toMatchObject({ status: 'anchored', start, end });
        // Without the position selector, the quote and its context still find the same place.
        expect(anchor(text, { quote: selectors.quote })).toMatchObject({ status: 'anchored', start, end });
      }),
      RUNS,
    );
  });
});
