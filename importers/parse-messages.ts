// What the host and a parse worker send each other, and how a parser's error becomes a reported reason.
import type { ImportFailure } from '../library/model.ts';
import { ImportInputError, type ImportInput, type ParsedItem, type ParseProgress } from './import-types.ts';

export interface ParseRequest {
  id: number;
  importerId: string;
  input: ImportInput;
}

/** `progress`: a long document's page count so far; the file is still being parsed. */
export type ParseResponse =
  | { id: number; items: ParsedItem[] }
  | { id: number; failure: ImportFailure }
  | { id: number; progress: ParseProgress }
  | { ready: true };

/** The reason a parse failed: the importer's own reason, a blown stack (deep recursion), or unexpected. */
export function parseFailureOf(error: unknown): ImportFailure {
  if (error instanceof ImportInputError) return error.reason;
  if (error instanceof RangeError && /call stack/i.test(error.message)) return { kind: 'too-complex', cause: 'stack' };
  return { kind: 'unexpected', detail: error instanceof Error ? error.message : String(error) };
}
