// DOCX and EPUB are zip files, and a zip can unpack to thousands of times its size (a "zip bomb").
// Every entry is unpacked once as a stream, counting what actually comes out (the sizes a zip
// declares can lie), and the file is refused as soon as the total passes the limit.
import type JSZip from 'jszip';
import type { DocumentFormat } from '../../contract/import-report.ts';
import { ImportInputError } from '../import-types.ts';

/** Far above any real document: a 300-page book with photos unpacks to well under 200 MB. */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
/** More entries than this is no document either (and each costs a little to check). */
const MAX_ENTRIES = 20_000;

let loading: Promise<typeof JSZip> | null = null;
function jszip(): Promise<typeof JSZip> {
  loading ??= import('jszip').then((module) => module.default);
  return loading;
}

function unpackedSize(entry: JSZip.JSZipObject, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const stream = entry.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        (stream as NodeJS.ReadableStream & { destroy?: () => void }).pause();
        resolve(size);
      }
    });
    stream.on('end', () => resolve(size));
    stream.on('error', reject);
  });
}

/**
 * The zip, opened, once every entry has been unpacked within `maxBytes` in total. Rejects with
 * `unpacks-too-large`, or `corrupt-document` for bytes that are not a readable zip.
 */
export async function openZipWithinLimits(bytes: Uint8Array, format: DocumentFormat, maxBytes = MAX_UNPACKED_BYTES): Promise<JSZip> {
  const Zip = await jszip();
  let zip: JSZip;
  try {
    zip = await Zip.loadAsync(bytes, { checkCRC32: false });
  } catch (error) {
    throw new ImportInputError({ kind: 'corrupt-document', format }, { cause: error });
  }
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  if (entries.length > MAX_ENTRIES) throw new ImportInputError({ kind: 'unpacks-too-large', maxBytes });
  let total = 0;
  for (const entry of entries) {
    try {
      total += await unpackedSize(entry, maxBytes - total);
    } catch (error) {
      throw new ImportInputError({ kind: 'corrupt-document', format }, { cause: error });
    }
    if (total > maxBytes) throw new ImportInputError({ kind: 'unpacks-too-large', maxBytes });
  }
  return zip;
}

/** A text entry of the zip (already checked by openZipWithinLimits), or null when absent. */
export async function zipText(zip: JSZip, path: string): Promise<string | null> {
  const entry = zip.file(path);
  return entry ? entry.async('string') : null;
}
