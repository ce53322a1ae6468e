// The neutral contract every host, the CLI and the renderer import. The renderer takes only types
// from here (and plain data from settings-defaults.ts, annotation-colors.ts, command-names.ts).
export * from './annotation-colors.ts';
export * from './annotation.ts';
export * from './article.ts';
export * from './bridge.ts';
export * from './command-names.ts';
export * from './command-spec.ts';
export * from './commands.ts';
export * from './errors.ts';
export * from './events.ts';
export * from './import-report.ts';
export * from './library-change.ts';
export * from './search-result.ts';
export * from './settings-defaults.ts';
export * from './text-encodings.ts';
export * from './sources.ts';
export * from './bulk.ts';
export * from './brief.ts';
export * from './documents.ts';
export * from './archive.ts';
