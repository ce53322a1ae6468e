export { Library } from './library.ts';
export { NotFoundError, InvalidArticleError } from './library-errors.ts';
export { canonicalUrlKey } from './url-canonical.ts';
export { SCHEMA_VERSION } from './migrations.ts';
export type * from './model.ts';
// What the library's callers read and pass, shared with every layer.
export type * from '../contract/article.ts';
export type { LibraryChange } from '../contract/library-change.ts';
