import { readStaticFile } from '../hosting/static-files.ts';
import { CONTENT_SECURITY_POLICY } from '../hosting/content-security-policy.ts';
import { imageHeaders, IMAGES_PATH, readLibraryImage } from '../hosting/library-images.ts';

/**
 * Answers an app:// request from the bundled renderer folder only: other hosts, traversal and
 * missing files get 404. Shared with `serve` so both hosts serve identical files under one policy.
 */
export async function appProtocolResponse(requestUrl: string, rendererRoot: string, libraryDir?: () => string | null): Promise<Response> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return new Response('Bad request', { status: 400 });
  }
  if (url.protocol !== 'app:' || url.host !== 'bundle') return new Response('Not found', { status: 404 });
  if (url.pathname.startsWith(IMAGES_PATH)) {
    // The library's photos, from the folder the core has open now.
    const folder = libraryDir?.();
    const image = folder ? await readLibraryImage(folder, url.pathname) : null;
    return image ? new Response(new Uint8Array(image.body), { status: 200, headers: imageHeaders(image.type) }) : new Response('Not found', { status: 404 });
  }
  const file = await readStaticFile(rendererRoot, url.pathname);
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(file.body), {
    status: 200,
    headers: { 'content-type': file.type, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' },
  });
}
