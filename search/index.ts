export { SearchIndexManager, type SearchIndexManagerOptions } from './index-manager.ts';
export { SearchEngine } from './search-engine.ts';
export { runSearch, NOTHING_SEARCHABLE } from './run-search.ts';
export { parseQuery } from './query-parser.ts';
export { tokenize } from './tokenizer.ts';
export { canonicalSyllable, canonicalFolded, foldCharacters } from './vietnamese-text.ts';
export type * from './types.ts';
