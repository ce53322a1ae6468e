// The text encodings an import can be told to use (`--encoding`, the import dialog), as plain data:
// the renderer lists them in its select, the command schemas validate them, importers decode them.

/** Canonical names, in the order the UI offers them. */
export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1258', 'viscii', 'tcvn3', 'vni', 'viqr'] as const;

export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

/** Other spellings people type (`--encoding abc`), folded to lower case without spaces first. */
const ALIASES: Readonly<Record<string, TextEncodingName>> = {
  utf8: 'utf-8',
  utf16le: 'utf-16le',
  'utf-16': 'utf-16le',
  utf16be: 'utf-16be',
  cp1258: 'windows-1258',
  windows1258: 'windows-1258',
  'x-cp1258': 'windows-1258',
  'csviscii': 'viscii',
  tcvn: 'tcvn3',
  'tcvn-3': 'tcvn3',
  'tcvn5712': 'tcvn3',
  'tcvn-5712': 'tcvn3',
  abc: 'tcvn3',
  'vni-windows': 'vni',
  'vni-win': 'vni',
  'x-viet-vni': 'vni',
};

/** The canonical name for `label`, or null when it names no encoding this app decodes. */
export function textEncodingNamed(label: string): TextEncodingName | null {
  const folded = label.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if ((TEXT_ENCODINGS as readonly string[]).includes(folded)) return folded as TextEncodingName;
  return ALIASES[folded] ?? ALIASES[folded.replace(/-/g, '')] ?? null;
}

/** Names for people: the report and the UI show these. Labels declared by a page (windows-1252…) show in upper case. */
export const TEXT_ENCODING_LABELS: Readonly<Record<TextEncodingName, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1258': 'Windows-1258',
  viscii: 'VISCII',
  tcvn3: 'TCVN3 (ABC)',
  vni: 'VNI',
  viqr: 'VIQR',
};

/**
 * How a file's text was decoded, when it was not plain UTF-8: `detected` from its bytes, `declared` by
 * the page or server, or `chosen` by the user. `garbled`: the bytes were UTF-8 holding text that had been
 * misread once as Windows-1252 (mojibake such as "§µ N½ng") and were repaired.
 */
export interface DecodedEncoding {
  /** A TextEncodingName, or a label a page declared (e.g. `windows-1252`). */
  name: string;
  how: 'detected' | 'declared' | 'chosen';
  garbled?: true;
}

export function encodingLabel(encoding: DecodedEncoding): string {
  const known = textEncodingNamed(encoding.name);
  return known ? TEXT_ENCODING_LABELS[known] : encoding.name.toUpperCase();
}
