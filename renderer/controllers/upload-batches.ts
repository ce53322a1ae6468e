// Which files the renderer may send to library.importFiles, and in how many calls. Each type has its
// own limit (PDFs are allowed far more than the rest; app.info says how much), and files travel as
// base64 in one request per call, so a batch larger than one request allows is sent in several.

export interface UploadLimits {
  /** The general limit per file. */
  maxBytes: number;
  /** Larger limits, by lower-case extension. */
  byExtension: Readonly<Record<string, number>>;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The limit for one file, by its name's extension. */
export function uploadLimitFor(name: string, limits: UploadLimits): number {
  return limits.byExtension[extensionOf(name)] ?? limits.maxBytes;
}

/** The most one call carries: the largest limit any one file has, so every file fits in a call. */
export function callBudget(limits: UploadLimits): number {
  return Math.max(limits.maxBytes, ...Object.values(limits.byExtension));
}

/** The files in order, in calls of at most `budget` bytes (a file never waits for a later call). */
export function uploadBatches<T extends { size: number }>(files: readonly T[], budget: number): T[][] {
  const batches: T[][] = [];
  let size = 0;
  for (const file of files) {
    const last = batches.at(-1);
    if (last && size + file.size <= budget) {
      last.push(file);
      size += file.size;
    } else {
      batches.push([file]);
      size = file.size;
    }
  }
  return batches;
}
