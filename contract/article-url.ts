// An article's link is shown, opened and exported; only web addresses may be one. javascript:, data:,
// file: and the like from hostile pages or feeds are dropped at import, refused by storage validation,
// and filtered again when read, so a library written by an older version cannot export them either.

const WEB_PROTOCOLS = new Set(['http:', 'https:']);

export function isSafeArticleUrl(url: string): boolean {
  try {
    return WEB_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** The URL when it is an absolute http(s) address, else null. */
export function safeArticleUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  return trimmed && isSafeArticleUrl(trimmed) ? trimmed : null;
}
