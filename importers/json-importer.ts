// JSON arrays of article records, NDJSON/JSON Lines, and our own library exports (NDJSON).
import { extensionOf, mediaType } from './format-sniff.ts';
import { failedItem } from './import-failure.ts';
import { ImportInputError, type ImportInput, type Importer, type ParsedItem } from './import-types.ts';
import { recordToItem } from './json-records.ts';
import { decodeInput, withEncoding } from './text-decoding.ts';
import { acceptsJson } from './importer-choice.ts';

function itemFor(value: unknown, origin: string, position: number, where: string): ParsedItem {
  try {
    return { ...recordToItem(value, origin), position };
  } catch (error) {
    return failedItem(error instanceof ImportInputError ? error.reason : { kind: 'unexpected', detail: error instanceof Error ? error.message : String(error) }, position, where);
  }
}

function parseLines(text: string, origin: string): ParsedItem[] {
  const items: ParsedItem[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, index) => {
    if (line.trim() === '') return;
    const lineNumber = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      items.push(failedItem({ kind: 'invalid-json', detail: (error as Error).message }, lineNumber, `line ${lineNumber}`));
      return;
    }
    items.push(itemFor(value, origin, lineNumber, `line ${lineNumber}`));
  });
  return items;
}

function parseDocument(text: string, origin: string): ParsedItem[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // An export saved with a .json name is still NDJSON: several lines, each a JSON object.
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    if (lines.length > 1 && lines.every((line) => /^\s*\{.*\}\s*$/.test(line))) return parseLines(text, origin);
    throw new ImportInputError({ kind: 'invalid-json', detail: (error as Error).message }, { cause: error });
  }
  const records = Array.isArray(value)
    ? value
    : typeof value === 'object' && value !== null && Array.isArray((value as { articles?: unknown }).articles)
      ? (value as { articles: unknown[] }).articles
      : [value];
  return records.map((record, index) => itemFor(record, origin, index + 1, `record ${index + 1}`));
}

export const jsonImporter: Importer = {
  id: 'json',
  accepts: acceptsJson,
  async parse(input: ImportInput): Promise<ParsedItem[]> {
    const decoded = decodeInput(input);
    const text = decoded.text;
    if (text.trim() === '') throw new ImportInputError({ kind: 'empty-file' });
    const ext = extensionOf(input.name);
    const items = ext === 'ndjson' || ext === 'jsonl' || mediaType(input.contentType) === 'application/x-ndjson'
      ? parseLines(text, input.origin)
      : parseDocument(text, input.origin);
    if (items.length === 0) throw new ImportInputError({ kind: 'no-records' });
    return withEncoding(items, decoded.encoding);
  },
};
