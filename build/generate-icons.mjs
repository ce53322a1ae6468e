#!/usr/bin/env node
// Renders assets/icon.svg into the PNGs electron-builder reads from build/:
//   build/icon.png                 1024x1024 (macOS .icns and Windows .ico are derived from it)
//   build/icons/NxN.png            16 … 1024 (Linux icon set)
// Chromium draws the SVG at each size (no downscaling of one big bitmap), on a transparent page.
// Uses Debian's Chromium (/usr/bin/chromium) or CHROMIUM_PATH; Playwright's browser download is not needed.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = join(root, 'assets', 'icon.svg');
const buildDir = join(root, 'build');
const SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`generate-icons: no Chromium at ${executablePath}; install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}

/** Width and height from a PNG's IHDR chunk, to check what was written. */
function pngSize(buffer) {
  if (buffer.toString('latin1', 1, 4) !== 'PNG') throw new Error('not a PNG');
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

const svg = await readFile(source, 'utf8');
if (/\b(?:href|src)\s*=\s*["'](?!#)/i.test(svg)) throw new Error('assets/icon.svg must not reference external resources');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-background-networking'] });
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 }, deviceScaleFactor: 1 });
  await page.setContent(
    `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent}img{display:block}</style></head>` +
      `<body><img alt="" src="${dataUrl}"></body></html>`,
  );
  const image = page.locator('img');
  await mkdir(join(buildDir, 'icons'), { recursive: true });

  const render = async (size) => {
    await image.evaluate(async (img, px) => {
      img.width = px;
      img.height = px;
      await img.decode();
    }, size);
    const png = await image.screenshot({ omitBackground: true, type: 'png', animations: 'disabled' });
    const { width, height } = pngSize(png);
    if (width !== size || height !== size) throw new Error(`expected ${size}x${size}, Chromium gave ${width}x${height}`);
    return png;
  };

  for (const size of SIZES) {
    const png = await render(size);
    const targets = [join(buildDir, 'icons', `${size}x${size}.png`)];
    if (size === 1024) targets.push(join(buildDir, 'icon.png'));
    for (const target of targets) {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, png);
      console.log(`${relative(root, target)}  ${size}x${size}  ${png.length} bytes`);
    }
  }
} finally {
  await browser.close();
}
