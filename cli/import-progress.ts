// Progress of a CLI import on stderr: how far, how many failed, and about how long is left. Nothing is
// printed for imports that finish within a second; after that, at most one line a second.
import type { ImportProgress } from '../contract/index.ts';
import type { EventBus } from '../commands/event-bus.ts';

export function timeLeftText(seconds: number | null): string {
  if (seconds === null) return '';
  if (seconds < 60) return `, about ${seconds} s left`;
  const minutes = Math.floor(seconds / 60);
  return `, about ${minutes} min ${String(seconds % 60).padStart(2, '0')} s left`;
}

/** Where a long document is: ", OCR page 2/5 of scan.pdf" (the page count within the file being read). */
export function pagesText(progress: ImportProgress): string {
  const { pages, current } = progress;
  if (!pages) return '';
  const file = current ? ` of ${current.split(/[\\/]/u).pop()}` : '';
  return `, ${pages.ocr ? 'OCR page' : 'page'} ${pages.done}/${pages.total}${file}`;
}

export function progressLine(progress: ImportProgress): string {
  const failures = progress.failures ? ` (${progress.failures} failed)` : '';
  return `importing ${progress.done}/${progress.total}${failures}${pagesText(progress)}${timeLeftText(progress.secondsLeft)}`;
}

export interface ProgressFollowOptions {
  /** Where lines go (the CLI's progress writer). */
  write: (line: string) => void;
  now?: () => number;
  /** Quiet for this long, then at most one line per interval. */
  intervalMs?: number;
}

/** Prints the progress of imports on the bus; returns the function that stops following. */
export function followImportProgress(events: EventBus, options: ProgressFollowOptions): () => void {
  const now = options.now ?? (() => performance.now());
  const interval = options.intervalMs ?? 1000;
  const started = now();
  let lastPrinted = started;
  return events.onAny((event, payload) => {
    if (event !== 'import.progress') return;
    const progress = payload as ImportProgress;
    const time = now();
    const finished = progress.done === progress.total;
    if (time - lastPrinted < interval || (finished && lastPrinted === started)) return;
    lastPrinted = time;
    options.write(progressLine(progress));
  });
}
