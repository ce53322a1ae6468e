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

/** One Tesseract worker with the Vietnamese model loaded, reading images one after another. */
export interface Recogniser {
  /** The text of one image (PNG, JPEG, TIFF bytes); `onProgress` gets 0..1 within it. */
  recognise(image: Uint8Array, onProgress?: (fraction: number) => void): Promise<string>;
  close(): Promise<void>;
}

/** Starts a recogniser; rejects with `ocr-model-missing` without a model. Close it when done. */
export async function openRecogniser(modelFolder: string | null | undefined = undefined): Promise<Recogniser> {
  const folder = modelFolder === undefined ? findVietnameseModel() : modelFolder;
  if (!folder) throw new ImportInputError({ kind: 'ocr-model-missing', language: OCR_LANGUAGE });
  const { createWorker, OEM } = await import('tesseract.js');
  let report: ((fraction: number) => void) | undefined;
  const worker = await createWorker(OCR_LANGUAGE, OEM.LSTM_ONLY, {
    langPath: folder,
    gzip: false,
    cacheMethod: 'none',
    // Without a handler tesseract.js also throws a failed job's error from its worker's message
    // listener, an uncaught exception beside the rejected promise this module already turns into a reason.
    errorHandler: () => undefined,
    logger: (message: { status: string; progress: number }) => {
      if (message.status === 'recognizing text') report?.(message.progress);
    },
  });
  return {
    async recognise(image, onProgress) {
      report = onProgress;
      try {
        const { data } = await worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength));
        return data.text.normalize('NFC');
      } catch (error) {
        throw new ImportInputError({ kind: 'corrupt-document', format: 'image' }, { cause: error });
      } finally {
        report = undefined;
      }
    },
    async close() {
      await worker.terminate();
    },
  };
}

/** The text of each image (PNG, JPEG, TIFF bytes), in order. Rejects with `ocr-model-missing` without a model. */
export async function recogniseImages(images: readonly Uint8Array[], options: OcrOptions = {}): Promise<string[]> {
  const recogniser = await openRecogniser(options.modelFolder);
  try {
    const texts: string[] = [];
    for (const [index, image] of images.entries()) {
      texts.push(await recogniser.recognise(image, (fraction) => options.onProgress?.((index + fraction) / images.length)));
    }
    return texts;
  } finally {
    await recogniser.close();
  }
}
