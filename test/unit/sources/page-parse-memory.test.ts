// A refresh reads thousands of pages in the same two parse workers. Each page is sanitised into a new
// jsdom document of one shared window, and its figures are read with selectors; the window must not
// keep those documents (nor gather listeners for them), or every page costs more than the one before
// and the workers grow without bound (issue 15's first refresh fell from 44 to 19 items/s at 10 × the
// items, with 3.3 GB of RSS).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { htmlToPieces, nodeToPieces, sanitizeHtml } from '../../../importers/html-to-blocks.ts';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const page = (n: number): string =>
  `<article><p>Tin số ${n}: giá xăng giảm lần thứ ba trong tháng.</p>` +
  `<figure><picture><source srcset="https://anh.example.vn/${n}-800.jpg 800w"><img src="https://anh.example.vn/${n}.jpg" alt="Cây xăng"></picture>` +
  `<figcaption>Một cây xăng ở Hà Nội. <cite>Ảnh: TTXVN</cite></figcaption></figure><p>Hết.</p></article>`;

/** WeakRefs made during a job keep their target until the job ends: wait a turn, then collect. */
async function settleAndCollect(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
  }
}

describe('reading many pages in one parse worker', () => {
  it('keeps no page document once its pieces are read (figures and captions included)', async () => {
    const read = (n: number): { pieces: number; document: WeakRef<Document> } => {
      const fragment = sanitizeHtml(page(n));
      const pieces = nodeToPieces(fragment);
      return { pieces: pieces.length, document: new WeakRef(fragment.ownerDocument) };
    };
    const first = read(0);
    // The figure was read through its selectors (a photo piece and its caption with the credit).
    expect(first.pieces).toBeGreaterThanOrEqual(4);
    expect(htmlToPieces(page(1)).some((piece) => piece.kind === 'figure' && piece.figure?.credit === 'Ảnh: TTXVN')).toBe(true);
    const later = Array.from({ length: 30 }, (_unused, n) => read(n + 2));
    await settleAndCollect();
    const kept = [first, ...later].filter((entry) => entry.document.deref() !== undefined).length;
    expect(kept).toBe(0);
  });
});
