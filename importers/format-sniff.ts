// Format detection by name, Content-Type and the first bytes, for inputs whose extension lies or is missing.
import type { ImportInput } from './import-types.ts';
import { sniffText } from './text-decoding.ts';

/** Lower-case extension without the dot, or '' (for URLs, query and fragment are ignored). */
export function extensionOf(name: string): string {
  const base = name.replace(/[?#].*$/, '').split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The media type of a Content-Type header, lower-case, without parameters. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The charset parameter of a Content-Type header, if any. */
export function charsetOf(contentType: string | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return match ? match[1]!.toLowerCase() : null;
}

/** Start of the text with a BOM, XML declaration, comments and doctype removed. */
function headOf(input: ImportInput): string {
  return sniffText(input.bytes)
    .replace(/^\uFEFF/, '')
    .replace(/^\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*/, '');
}

export function sniffFeed(input: ImportInput): boolean {
  return /^\s*(?:<!DOCTYPE\s+rss[^>]*>\s*)?<(?:rss|feed|rdf:RDF)\b/i.test(headOf(input));
}

/**
 * XML that declares entities in an internal DTD subset: the vehicle of entity-expansion bombs and
 * external entities (XXE). No feed needs one, so such files are refused whatever their root element.
 */
export function sniffDeclaredEntities(input: ImportInput): boolean {
  return /<!DOCTYPE[^>[]*\[[\s\S]*?<!ENTITY\b/i.test(headOf(input));
}

export function sniffHtml(input: ImportInput): boolean {
  return /^\s*(?:<!DOCTYPE\s+html|<html\b|<head\b|<body\b|<meta\b|<title\b|<article\b)/i.test(headOf(input));
}

export function sniffJson(input: ImportInput): boolean {
  return /^\s*[[{]/.test(headOf(input));
}

/** JSON Feed (jsonfeed.org) rather than our own JSON article shape. */
export function sniffJsonFeed(input: ImportInput): boolean {
  return /^\s*\{[\s\S]{0,400}"version"\s*:\s*"https?:\/\/jsonfeed\.org\//.test(headOf(input));
}
