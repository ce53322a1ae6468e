// Real image bytes for photo tests: PNGs of any size (made with zlib), a 1×1 GIF, an SVG.
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid RGB PNG of `width`×`height`, coloured by `seed` (different seeds, different bytes). */
export function makePng(width: number, height: number, seed = 1): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([(seed * 40 + x) & 0xff, (seed * 90) & 0xff, (x * 7) & 0xff], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
}

/** The classic 1×1 transparent tracking GIF. */
export const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export const SVG_IMAGE = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><script>alert(1)</script></svg>');

/** A news page: text, a <figure> with a srcset, a caption with its credit, more text. */
export function newsPage(options: { figure: string; title?: string; extra?: string }): string {
  const paragraph = (n: number) => `<p>Đoạn ${n}: người dân Thủ đô háo hức đón chuyến tàu điện đầu tiên, khi trời vừa hửng sáng trên khắp các nhà ga.</p>`;
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${options.title ?? 'Tàu điện chạy chuyến đầu'}</title></head>
<body><article><h1>${options.title ?? 'Tàu điện chạy chuyến đầu'}</h1>
${paragraph(1)}${paragraph(2)}
${options.figure}
${paragraph(3)}${paragraph(4)}${options.extra ?? ''}
</article></body></html>`;
}
