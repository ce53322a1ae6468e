// Committing what an import parsed: the files of a batch in order, each article under its own
// savepoint inside one transaction when the sink batches (a batch that cannot be committed is
// committed again article by article), each outcome reported under the file's name.
import type { AddResult, ImportFailure, ImportReport } from '../library/model.ts';
import { ImportInputError, type ImportSink, type ParsedItem } from './import-types.ts';
import { describeImportFailure } from './import-failure.ts';
import { isDiskFull } from '../contract/errors.ts';

export function failed(path: string, reason: ImportFailure): ImportReport['failed'][number] {
  return { path, error: describeImportFailure(reason), reason };
}

function commit(item: Exclude<ParsedItem, { kind: 'failed' }>, sink: ImportSink): { result: AddResult | null; title: string } {
  switch (item.kind) {
    case 'draft': {
      const result = sink.addArticle(item.draft);
      if (item.original && sink.keepOriginal && result.status !== 'duplicate') sink.keepOriginal(result.id, item.original);
      return { result, title: item.draft.title };
    }
    case 'restore':
      return { result: sink.restoreArticle(item.record), title: item.record.title };
    case 'other': {
      if (!sink.restoreOther) throw new ImportInputError({ kind: 'unsupported-record-type', type: item.record.type });
      const title = typeof item.record['title'] === 'string' ? item.record['title'] : item.record.type;
      return { result: sink.restoreOther(item.record), title };
    }
  }
}

function saveFailure(error: unknown): ImportFailure {
  if (error instanceof ImportInputError) return error.reason;
  if (isDiskFull(error)) return { kind: 'disk-full' };
  return { kind: 'save-failed', detail: error instanceof Error ? error.message : String(error) };
}

/** A file read and parsed, waiting to be committed with the others of its batch. */
export interface ParsedUnit {
  label: string;
  items: ParsedItem[];
  /** Why the whole file failed (read, decode, parse), reported in its place in the batch. */
  failure: ImportFailure | null;
  /**
   * One chunk of the records of a file read as a stream (ndjson-stream.ts): its records are always
   * named by number, and the file counts as done only with its last unit, which has no `part`.
   */
  part?: boolean;
}

type Isolate = <R>(write: () => R) => R;
const direct: Isolate = (write) => write();

/**
 * Commits the files of one batch in order, into a report of its own, so that a batch the sink could
 * not commit adds nothing. Stops at the next article once `signal` is aborted.
 */
function commitUnits(units: readonly ParsedUnit[], sink: ImportSink, each: Isolate, signal: AbortSignal | undefined): { report: ImportReport; files: number } {
  const report: ImportReport = { imported: [], duplicates: [], failed: [], cancelled: false };
  let files = 0;
  for (const unit of units) {
    if (signal?.aborted) {
      report.cancelled = true;
      break;
    }
    if (unit.failure) report.failed.push(failed(unit.label, unit.failure));
    for (const [position, item] of unit.items.entries()) {
      if (signal?.aborted) {
        report.cancelled = true;
        break;
      }
      const path = unit.items.length > 1 || unit.part ? `${unit.label}#${item.position ?? position + 1}` : unit.label;
      if (item.kind === 'failed') {
        report.failed.push({ path, error: item.error, reason: item.reason });
        continue;
      }
      try {
        const { result, title } = each(() => commit(item, sink));
        const encoding = { ...(item.encoding ? { encoding: item.encoding } : {}), ...(item.kind === 'draft' && item.photos ? { photos: item.photos } : {}) };
        if (result?.status === 'imported') report.imported.push({ id: result.id, title, path, ...encoding });
        else if (result?.status === 'updated') report.imported.push({ id: result.id, title, path, updated: true, ...encoding });
        else if (result?.status === 'duplicate') report.duplicates.push({ path, id: result.id, ...encoding });
      } catch (error) {
        // The sink refused this one article (constraint, disk…); the others still go in.
        report.failed.push(failed(path, saveFailure(error)));
      }
    }
    if (report.cancelled) break;
    if (!unit.part) files++;
  }
  return { report, files };
}

/**
 * One transaction for the batch when the sink can, else one per article. A batch the sink could not
 * commit (a full disk rolls it back) is committed again article by article, so each file's outcome
 * is reported exactly.
 */
export function commitBatch(units: readonly ParsedUnit[], sink: ImportSink, signal: AbortSignal | undefined): { report: ImportReport; files: number } {
  if (!sink.importBatch) return commitUnits(units, sink, direct, signal);
  try {
    return sink.importBatch((each) => commitUnits(units, sink, each, signal));
  } catch {
    return commitUnits(units, sink, direct, signal);
  }
}
