// Optical character recognition with tesseract.js (Tesseract compiled to WebAssembly), Vietnamese model
// read from a local file only. tesseract.js's worker script and its WebAssembly core load from
// node_modules; the language data would come from a CDN unless `langPath` names a folder, so it always
// does, with gzip off (Debian's file is not compressed) and no cache written.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ImportInputError } from '../import-types.ts';

export const OCR_LANGUAGE = 'vie';

/**
 * Where `vie.traineddata` may be: NEWSROOM_TESSDATA first, then Debian/Ubuntu's tesseract-ocr-vie
 * package (Tesseract 5 and 4), Homebrew's and MacPorts' tesseract-lang, and the Windows installer's.
 */
export function modelFolders(env: NodeJS.ProcessEnv = process.env): string[] {
  return [
    env['NEWSROOM_TESSDATA'],
    '/usr/share/tesseract-ocr/5/tessdata',
    '/usr/share/tesseract-ocr/4.00/tessdata',
    '/usr/share/tessdata',
    '/opt/homebrew/share/tessdata',
    '/usr/local/share/tessdata',
    '/opt/local/share/tessdata',
    env['ProgramFiles'] ? join(env['ProgramFiles'], 'Tesseract-OCR', 'tessdata') : undefined,
  ].filter((folder): folder is string => Boolean(folder));
}

/** The folder holding the Vietnamese model, or null when none of the known places has it. */
export function findVietnameseModel(env: NodeJS.ProcessEnv = process.env): string | null {
  return modelFolders(env).find((folder) => existsSync(join(folder, `${OCR_LANGUAGE}.traineddata`))) ?? null;
}

export interface OcrOptions {
  /** The model's folder; found with findVietnameseModel when absent. */
  modelFolder?: string | null;
  /** 0..1 across all images. */
  onProgress?: (fraction: number) => void;
}

/** The text of each image (PNG, JPEG, TIFF bytes), in order. Rejects with `ocr-model-missing` without a model. */
export async function recogniseImages(images: readonly Uint8Array[], options: OcrOptions = {}): Promise<string[]> {
  const modelFolder = options.modelFolder === undefined ? findVietnameseModel() : options.modelFolder;
  if (!modelFolder) throw new ImportInputError({ kind: 'ocr-model-missing', language: OCR_LANGUAGE });
  const { createWorker, OEM } = await import('tesseract.js');
  let done = 0;
  const worker = await createWorker(OCR_LANGUAGE, OEM.LSTM_ONLY, {
    langPath: modelFolder,
    gzip: false,
    cacheMethod: 'none',
    // Without a handler tesseract.js also throws a failed job's error from its worker's message
    // listener, an uncaught exception beside the rejected promise this module already turns into a reason.
    errorHandler: () => undefined,
    logger: (message: { status: string; progress: number }) => {
      if (message.status === 'recognizing text') options.onProgress?.((done + message.progress) / images.length);
    },
  });
  try {
    const texts: string[] = [];
    for (const image of images) {
      let data: { text: string };
      try {
        ({ data } = await worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength)));
      } catch (error) {
        throw new ImportInputError({ kind: 'corrupt-document', format: 'image' }, { cause: error });
      }
      texts.push(data.text.normalize('NFC'));
      done++;
    }
    return texts;
  } finally {
    await worker.terminate();
  }
}
