export { Library } from './library.ts';
export { NotFoundError, InvalidArticleError } from './library-errors.ts';
export { canonicalUrlKey } from './url-canonical.ts';
export { SCHEMA_VERSION } from './migrations.ts';
export type * from './model.ts';
export { SourceStore, toSourceInfo, sourceUrlKey, type SourceRecord, type SourceOutcome, type SourcePatch, type NewSource } from './source-store.ts';
export { UndoExpiredError } from './bulk-store.ts';
export { SavedSearchNameTakenError, type SavedSearchRecord } from './saved-search-store.ts';
export { draftFromArchive } from './archive-pulled-page-writer.ts';
