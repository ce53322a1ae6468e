// The YAML-ish front matter Markdown notes and static-site posts start with. Only flat keys, scalars and
// simple lists — enough for title/author/date/url/tags/source without a YAML dependency.

export interface FrontMatter {
  fields: Record<string, string | string[]>;
  /** The document after the front matter. */
  content: string;
}

function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = /^"(.*)"$/.exec(trimmed) ?? /^'(.*)'$/.exec(trimmed);
  return quoted ? quoted[1]!.replace(/\\"/g, '"').replace(/''/g, "'") : trimmed;
}

function parseValue(raw: string): string | string[] {
  const flow = /^\[(.*)\]$/.exec(raw.trim());
  if (flow) return flow[1]!.split(',').map(unquote).filter(Boolean);
  return unquote(raw);
}

export function splitFrontMatter(text: string): FrontMatter {
  const match = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { fields: {}, content: text };
  const fields: Record<string, string | string[]> = {};
  let listKey: string | null = null;
  for (const line of match[1]!.split('\n')) {
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (item && listKey) {
      const list = fields[listKey];
      fields[listKey] = [...(Array.isArray(list) ? list : []), unquote(item[1]!)];
      continue;
    }
    const pair = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!pair) continue;
    const key = pair[1]!.toLowerCase();
    listKey = pair[2]!.trim() === '' ? key : null;
    fields[key] = listKey ? [] : parseValue(pair[2]!);
  }
  return { fields, content: text.slice(match[0].length) };
}

/** A front-matter field as a single string. */
export function fieldText(fields: FrontMatter['fields'], ...keys: string[]): string | null {
  for (const key of keys) {
    const value = fields[key];
    const text = Array.isArray(value) ? value.join(', ') : value;
    if (text?.trim()) return text.trim();
  }
  return null;
}

/** A front-matter field as a list ("a, b" or [a, b] or a YAML list). */
export function fieldList(fields: FrontMatter['fields'], ...keys: string[]): string[] {
  for (const key of keys) {
    const value = fields[key];
    if (Array.isArray(value)) return value;
    if (value?.trim()) return value.split(',').map((tag) => tag.trim()).filter(Boolean);
  }
  return [];
}
