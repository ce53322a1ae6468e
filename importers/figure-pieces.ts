// Photos of a page as figure pieces: which address of an <img>/<picture> to keep (srcset), which
// images are decoration or tracking and are left out, and the credit a caption names.
import { tidyInline } from './text-normalize.ts';

/** What a page says about one photo, before it is downloaded. */
export interface FigureSource {
  /** Absolute http(s) URL, a data: URI, or a file: URL next to a saved page. */
  source: string;
  alt: string;
  /** The credit as written in the caption, when it can be told apart. */
  credit: string | null;
}

/** The width we prefer: a photo this wide is sharp in the reader's column on a high-density screen. */
export const PREFERRED_WIDTH = 1200;
/** Images declared smaller than this on either side are icons, spacers or pixels. */
export const MIN_DECLARED_SIDE = 48;
/** What one article keeps of its photos (figure-images.ts), also what a document carries out of its parse. */
export const DEFAULT_MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_PHOTOS_PER_ARTICLE = 30;
export const DEFAULT_MAX_ARTICLE_PHOTO_BYTES = 40 * 1024 * 1024;
/** A data: URI longer than this (about 10 MB of bytes) is not kept. */
export const MAX_DATA_URI_CHARS = 14_000_000;

const ACCEPTED_SOURCE_TYPES = /^image\/(jpeg|jpg|pjpeg|png|gif|webp|avif)$/i;

/** Hosts and paths that serve tracking pixels and ad beacons rather than photos. */
const TRACKER_PATTERNS: readonly RegExp[] = [
  /(^|\.)doubleclick\.net$/i,
  /(^|\.)google-analytics\.com$/i,
  /(^|\.)googletagmanager\.com$/i,
  /(^|\.)scorecardresearch\.com$/i,
  /(^|\.)quantserve\.com$/i,
  /(^|\.)facebook\.com$/i,
  /(^|\.)pixel\.wp\.com$/i,
  /(^|\.)adnxs\.com$/i,
  /(^|\.)adservice\.google\.[a-z.]+$/i,
];
const TRACKER_PATHS = /(^|[/_.-])(pixel|beacon|tracking|tracker|spacer|blank|transparent|1x1|clear)([/_.-]|\.gif|\.png|$)/i;
const DECORATIVE_CLASSES = /(^|[\s_-])(icon|logo|avatar|emoji|sprite|badge|button|share|social)([\s_-]|$)/i;
const CREDIT_CLASSES = /(^|[\s_-])(credit|copyright|author|byline|source|photographer)([\s_-]|$)/i;
/** "… Ảnh: Reuters", "(Photo: AP)", "Nguồn ảnh: TTXVN" at the end of a caption. */
const CREDIT_AT_END = /(?:^|[\s.(–—-])((?:Ảnh|Nguồn ảnh|Nguồn|Đồ hoạ|Đồ họa|Photo|Photograph|Image|Credit|Picture)\s*:\s*[^()]{2,80}?)\)?\.?\s*$/iu;

interface Candidate {
  url: string;
  width: number | null;
  density: number | null;
}

/** Splits a srcset the way the HTML standard does: a URL up to whitespace, then descriptors up to a comma. */
export function parseSrcset(srcset: string): Candidate[] {
  const candidates: Candidate[] = [];
  let position = 0;
  const length = srcset.length;
  while (position < length) {
    while (position < length && /[\s,]/.test(srcset[position]!)) position++;
    if (position >= length) break;
    let end = position;
    while (end < length && !/\s/.test(srcset[end]!)) end++;
    let url = srcset.slice(position, end);
    position = end;
    let descriptors = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let depth = 0;
      while (position < length && (srcset[position] !== ',' || depth > 0)) {
        if (srcset[position] === '(') depth++;
        else if (srcset[position] === ')') depth = Math.max(0, depth - 1);
        descriptors += srcset[position];
        position++;
      }
    }
    if (!url) continue;
    let width: number | null = null;
    let density: number | null = null;
    for (const descriptor of descriptors.trim().split(/\s+/).filter(Boolean)) {
      const match = /^(\d+(?:\.\d+)?)([wx])$/i.exec(descriptor);
      if (!match) continue;
      if (match[2]!.toLowerCase() === 'w') width = Number(match[1]);
      else density = Number(match[1]);
    }
    candidates.push({ url, width, density });
  }
  return candidates;
}

/**
 * The candidate to keep: the narrowest at least PREFERRED_WIDTH wide, else the widest; without width
 * descriptors the highest density up to 2x, else the lowest above it; `fallback` (src) when none.
 */
export function chooseCandidate(candidates: readonly Candidate[], fallback: string | null): string | null {
  const sized = candidates.filter((candidate) => candidate.width !== null && candidate.width > 0);
  if (sized.length > 0) {
    const wide = sized.filter((candidate) => candidate.width! >= PREFERRED_WIDTH).sort((a, b) => a.width! - b.width!);
    if (wide.length > 0) return wide[0]!.url;
    return [...sized].sort((a, b) => b.width! - a.width!)[0]!.url;
  }
  const dense = candidates.map((candidate) => ({ url: candidate.url, density: candidate.density ?? 1 }));
  const upToTwo = dense.filter((candidate) => candidate.density <= 2).sort((a, b) => b.density - a.density);
  if (upToTwo.length > 0) return upToTwo[0]!.url;
  const above = dense.sort((a, b) => a.density - b.density);
  return above[0]?.url ?? fallback;
}

function isPlaceholder(src: string | null): boolean {
  // Lazy-loading pages put a tiny data: GIF or a blank file in src and the photo in data-src.
  return !src || src.startsWith('data:') || TRACKER_PATHS.test(src);
}

function attribute(element: Element, ...names: string[]): string | null {
  for (const name of names) {
    const value = element.getAttribute(name)?.trim();
    if (value) return value;
  }
  return null;
}

/** The address the page means for an <img> (lazy-loading attributes first, when src is a placeholder). */
function imageAddress(img: Element, picture: Element | null): string | null {
  const src = attribute(img, 'src');
  const lazy = attribute(img, 'data-src', 'data-original', 'data-lazy-src', 'data-url', 'data-hi-res-src');
  const fallback = isPlaceholder(src) && lazy ? lazy : (src ?? lazy);
  const candidates: Candidate[] = [];
  for (const source of picture ? [...picture.querySelectorAll('source')] : []) {
    const type = source.getAttribute('type');
    if (type && !ACCEPTED_SOURCE_TYPES.test(type.trim())) continue;
    candidates.push(...parseSrcset(attribute(source, 'srcset', 'data-srcset') ?? ''));
  }
  candidates.push(...parseSrcset(attribute(img, 'data-srcset', 'data-lazy-srcset', 'srcset') ?? ''));
  return chooseCandidate(candidates, fallback);
}

function declaredSide(value: string | null): number | null {
  if (!value) return null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$/i.exec(value);
  return match ? Number(match[1]) : null;
}

/** Why an <img> is not a photo of the story, or null when it may be one. */
export function decorativeReason(img: Element, address: string): string | null {
  const width = declaredSide(img.getAttribute('width'));
  const height = declaredSide(img.getAttribute('height'));
  if ((width !== null && width < MIN_DECLARED_SIDE) || (height !== null && height < MIN_DECLARED_SIDE)) return 'tiny';
  if (img.getAttribute('role') === 'presentation' || img.getAttribute('aria-hidden') === 'true') return 'presentation';
  if (DECORATIVE_CLASSES.test(img.getAttribute('class') ?? '')) return 'decorative-class';
  if (address.startsWith('data:')) {
    if (address.length > MAX_DATA_URI_CHARS) return 'data-uri-too-large';
    if (/^data:image\/svg/i.test(address)) return 'svg';
    return null;
  }
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return 'bad-address';
  }
  if (TRACKER_PATTERNS.some((pattern) => pattern.test(url.hostname))) return 'tracker';
  if (TRACKER_PATHS.test(url.pathname)) return 'tracker';
  if (/\.svgz?$/i.test(url.pathname)) return 'svg';
  // An empty alt inside a link is a logo or a button far more often than a news photo.
  if (img.getAttribute('alt') === '' && img.closest('a, header') && !img.closest('figure')) return 'link-image';
  return null;
}

function resolve(address: string, base: string | null): string | null {
  if (address.startsWith('data:')) return address;
  try {
    // Any scheme is kept here: the photo step refuses what is not http(s) (or a saved page's own file)
    // and says so, rather than the photo vanishing without a word.
    return (base ? new URL(address, base) : new URL(address)).href;
  } catch {
    return null;
  }
}

/** The photo an <img> or <picture> stands for, or null when it is decoration, tracking or unusable. */
export function figureSourceOf(element: Element, base: string | null): FigureSource | null {
  const picture = element.localName === 'picture' ? element : null;
  const img = picture ? picture.querySelector('img') : element;
  if (!img) return null;
  const address = imageAddress(img, picture);
  if (!address) return null;
  const source = resolve(address, base);
  if (!source || decorativeReason(img, source)) return null;
  return { source, alt: tidyInline(img.getAttribute('alt') ?? ''), credit: null };
}

/** The credit inside a <figcaption>: an element marked as one, else "Ảnh: …" at the caption's end. */
export function creditOf(caption: Element): string | null {
  for (const element of caption.querySelectorAll('cite, small, [class], [itemprop]')) {
    const marked = element.localName === 'cite' || element.localName === 'small' || CREDIT_CLASSES.test(element.getAttribute('class') ?? '') || /author|copyrightHolder|creditText/.test(element.getAttribute('itemprop') ?? '');
    const text = tidyInline(element.textContent ?? '');
    if (marked && text) return text;
  }
  return creditInText(tidyInline(caption.textContent ?? ''));
}

export function creditInText(caption: string): string | null {
  const match = CREDIT_AT_END.exec(caption);
  return match ? tidyInline(match[1]!) : null;
}
