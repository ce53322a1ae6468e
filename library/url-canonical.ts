/**
 * The key two URLs of the same article share: lowercase scheme and host, no fragment, no
 * tracking parameters, no trailing slash, sorted query. Returns null for anything not http(s).
 */
export function canonicalUrlKey(url: string | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.hash = '';
  for (const key of [...parsed.searchParams.keys()]) {
    if (/^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$)/i.test(key)) parsed.searchParams.delete(key);
  }
  parsed.searchParams.sort();
  const path = parsed.pathname.replace(/\/+$/, '') || '/';
  const query = parsed.searchParams.toString();
  // http and https versions of one page are the same article.
  return `${parsed.hostname.toLowerCase().replace(/^www\./, '')}${parsed.port ? `:${parsed.port}` : ''}${path}${query ? `?${query}` : ''}`;
}
