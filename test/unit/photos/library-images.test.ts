import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appProtocolResponse } from '../../../electron/app-protocol.ts';
import { readLibraryImage } from '../../../hosting/library-images.ts';
import { CONTENT_SECURITY_POLICY } from '../../../hosting/content-security-policy.ts';
import { makePng } from './photo-fixtures.ts';

const HASH = 'ab'.repeat(32);

function libraryWithPhoto(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nr-served-images-'));
  mkdirSync(join(dir, 'images', 'ab'), { recursive: true });
  writeFileSync(join(dir, 'images', 'ab', `${HASH}.png`), makePng(20, 20));
  writeFileSync(join(dir, 'library.sqlite'), 'the database');
  return dir;
}

describe('the library’s photos as the hosts serve them', () => {
  it('serves only a content-named photo from images/, with its type', async () => {
    const dir = libraryWithPhoto();
    const photo = await readLibraryImage(dir, `/images/${HASH}.png`);
    expect(photo?.type).toBe('image/png');
    expect(photo?.body.equals(makePng(20, 20))).toBe(true);
    for (const path of ['/images/../library.sqlite', `/images/ab/${HASH}.png`, `/images/${HASH}.svg`, `/images/${HASH.toUpperCase()}.png`, '/images/', `/images/${'cd'.repeat(32)}.png`]) {
      expect(await readLibraryImage(dir, path), path).toBeNull();
    }
    // A link planted in images/ does not lead out of it.
    symlinkSync(join(dir, 'library.sqlite'), join(dir, 'images', 'ab', `${'ab'.repeat(31)}ac.png`));
    expect(await readLibraryImage(dir, `/images/${'ab'.repeat(31)}ac.png`)).toBeNull();
  });

  it('the desktop app’s protocol serves them from the open library, never sniffed, and 404 without one', async () => {
    const dir = libraryWithPhoto();
    const answer = await appProtocolResponse(`app://bundle/images/${HASH}.png`, join(dir, 'no-renderer'), () => dir);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('image/png');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await appProtocolResponse(`app://bundle/images/${HASH}.png`, join(dir, 'no-renderer'), () => null)).status).toBe(404);
    expect((await appProtocolResponse(`app://elsewhere/images/${HASH}.png`, join(dir, 'no-renderer'), () => dir)).status).toBe(404);
  });

  it('the renderer’s policy lets images come only from the app itself', () => {
    const imgSrc = CONTENT_SECURITY_POLICY.split('; ').find((directive) => directive.startsWith('img-src'))!;
    expect(imgSrc.split(' ').slice(1).every((source) => ["'self'", 'data:', 'blob:'].includes(source))).toBe(true);
  });
});
