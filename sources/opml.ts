// OPML subscription lists: read with a streaming XML parser that knows line numbers (saxes), so a
// bad or partial file is reported line by line and still yields every usable outline; written with
// feedsmith's generator. Folders are the outlines that hold feeds; nested folders are joined by " / ".
import { generateOpml } from 'feedsmith';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { OpmlProblem, OpmlProblemReason } from '../contract/sources.ts';
import { describeImportFailure } from '../importers/import-failure.ts';

export interface OpmlFeed {
  url: string;
  title: string;
  folder: string | null;
  line: number;
}

export interface OpmlRead {
  feeds: OpmlFeed[];
  problems: OpmlProblem[];
}

const MAX_PROBLEMS = 200;
const FOLDER_SEPARATOR = ' / ';

function attribute(tag: SaxesTagPlain, name: string): string | undefined {
  // OPML in the wild spells xmlUrl as xmlurl or XMLURL too.
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(tag.attributes)) if (key.toLowerCase() === lower) return value.trim();
  return undefined;
}

function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** An OPML problem in English, as the command line prints it (the UI words the reason itself). */
export function describeOpmlProblem(reason: OpmlProblemReason): string {
  switch (reason.kind) {
    case 'not-well-formed':
      return `not well-formed XML: ${reason.detail}`;
    case 'not-opml':
      return 'not an OPML file: no <opml> element';
    case 'no-body':
      return 'the OPML file has no <body>';
    case 'outline-without-feed':
      return `outline "${reason.label || '(untitled)'}" has no xmlUrl and holds no feeds; skipped`;
    case 'not-http':
      return `outline "${reason.label || reason.url}": xmlUrl ${JSON.stringify(reason.url)} is not an http(s) address; skipped`;
    case 'address-not-allowed':
      return `${reason.url}: ${describeImportFailure({ kind: 'address-not-allowed', host: reason.host })}`;
  }
}

export function opmlProblem(line: number, reason: OpmlProblemReason): OpmlProblem {
  return { line, reason, message: describeOpmlProblem(reason) };
}

export function readOpml(text: string): OpmlRead {
  const feeds: OpmlFeed[] = [];
  const problems: OpmlProblem[] = [];
  const problem = (line: number, reason: OpmlProblemReason): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(opmlProblem(line, reason));
  };
  /** The open outlines: a name for folders, null for feed outlines (whose children are ignored). */
  const open: (string | null)[] = [];
  let sawOpml = false;
  let sawBody = false;
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  parser.on('error', (error) => {
    // saxes says "file:line:column: message"; the line is ours to report, the rest is its wording.
    const message = error.message.replace(/^[^:]*:\d+:\d+:\s*/, '');
    problem(parser.line, { kind: 'not-well-formed', detail: message });
  });
  parser.on('opentag', (tag) => {
    const line = parser.line;
    if (tag.name === 'opml') sawOpml = true;
    if (tag.name === 'body') sawBody = true;
    if (tag.name !== 'outline') return;
    const xmlUrl = attribute(tag, 'xmlUrl');
    const label = attribute(tag, 'title') || attribute(tag, 'text') || '';
    if (!xmlUrl) {
      if (tag.isSelfClosing) problem(line, { kind: 'outline-without-feed', label });
      else open.push(label || '(untitled)');
      return;
    }
    if (!tag.isSelfClosing) open.push(null);
    if (!isWebUrl(xmlUrl)) {
      problem(line, { kind: 'not-http', label, url: xmlUrl });
      return;
    }
    const folders = open.slice(0, tag.isSelfClosing ? open.length : -1).filter((name): name is string => name !== null);
    feeds.push({ url: xmlUrl, title: label || xmlUrl, folder: folders.length ? folders.join(FOLDER_SEPARATOR) : null, line });
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'outline' && !tag.isSelfClosing) open.pop();
  });
  try {
    parser.write(text).close();
  } catch (error) {
    problem(parser.line, { kind: 'not-well-formed', detail: error instanceof Error ? error.message : String(error) });
  }
  if (!sawOpml) problem(1, { kind: 'not-opml' });
  else if (!sawBody) problem(parser.line, { kind: 'no-body' });
  return { feeds, problems };
}

export interface OpmlSource {
  url: string;
  title: string;
  folder: string | null;
}

/** Sources as OPML 2.0: one outline per folder (in name order), feeds without a folder at the top level. */
export function writeOpml(sources: readonly OpmlSource[], title = 'Newsroom Reader subscriptions'): string {
  const feed = (source: OpmlSource) => ({ text: source.title, title: source.title, type: 'rss', xmlUrl: source.url });
  const folders = new Map<string, OpmlSource[]>();
  const loose: OpmlSource[] = [];
  for (const source of sources) {
    if (source.folder === null) loose.push(source);
    else folders.set(source.folder, [...(folders.get(source.folder) ?? []), source]);
  }
  const outlines = [
    ...[...folders.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, members]) => ({ text: name, title: name, outlines: members.map(feed) })),
    ...loose.map(feed),
  ];
  return generateOpml({ head: { title, dateCreated: new Date() }, body: { outlines } });
}
