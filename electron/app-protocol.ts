import { readStaticFile } from '../hosting/static-files.ts';
import { CONTENT_SECURITY_POLICY } from '../hosting/content-security-policy.ts';

/**
 * Answers an app:// request from the bundled renderer folder only: other hosts, traversal and
 * missing files get 404. Shared with `serve` so both hosts serve identical files under one policy.
 */
export async function appProtocolResponse(requestUrl: string, rendererRoot: string): Promise<Response> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return new Response('Bad request', { status: 400 });
  }
  if (url.protocol !== 'app:' || url.host !== 'bundle') return new Response('Not found', { status: 404 });
  const file = await readStaticFile(rendererRoot, url.pathname);
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(file.body), {
    status: 200,
    headers: { 'content-type': file.type, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' },
  });
}
