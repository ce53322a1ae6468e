// The library's photos as both hosts serve them (serve's /images/<ref>, Electron's app://bundle/images/<ref>):
// only a well-formed content-addressed name, only from the library's images folder, with the type its
// name says (the store named it after sniffing the bytes), and never sniffed again by the browser.
import { readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';

export const IMAGES_PATH = '/images/';

const REF = /^([0-9a-f]{2})[0-9a-f]{62}\.(jpg|png|gif|webp|avif)$/;
const TYPES: Readonly<Record<string, string>> = { jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif' };

/** Headers every photo answer carries: its type, no sniffing, no scripts, cached for good (the name is the content). */
export function imageHeaders(type: string): Record<string, string> {
  return {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, max-age=31536000, immutable',
  };
}

/** A photo of the library by its URL path (`/images/<sha256>.<ext>`), or null for anything else. */
export async function readLibraryImage(libraryDir: string, urlPath: string): Promise<{ body: Buffer; type: string } | null> {
  if (!urlPath.startsWith(IMAGES_PATH)) return null;
  const ref = urlPath.slice(IMAGES_PATH.length);
  const match = REF.exec(ref);
  if (!match) return null;
  const folder = join(libraryDir, 'images');
  try {
    const real = await realpath(join(folder, match[1]!, ref));
    if (!real.startsWith((await realpath(folder)) + sep)) return null;
    if (!(await stat(real)).isFile()) return null;
    return { body: await readFile(real), type: TYPES[match[2]!]! };
  } catch {
    return null;
  }
}
