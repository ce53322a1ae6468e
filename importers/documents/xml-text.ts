// The text of simple elements in small metadata files (DOCX core.xml, EPUB OPF): no DTDs, no nesting
// that matters, so a regular expression reads them without an XML parser's entity handling.
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/gu, '$1')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Every `<name …>text</name>`'s text, decoded, tidied and NFC; tags inside are dropped. */
export function xmlElementTexts(xml: string, name: string): string[] {
  const pattern = new RegExp(`<${escapeRegExp(name)}(?:\\s[^>]*)?>([\\s\\S]*?)</${escapeRegExp(name)}>`, 'giu');
  return [...xml.matchAll(pattern)]
    .map((match) => decodeXmlText(match[1]!.replace(/<[^>]*>/gu, '')).replace(/\s+/gu, ' ').trim().normalize('NFC'))
    .filter((text) => text !== '');
}

/** The first `<name>`'s text, or null. */
export function xmlElementText(xml: string, name: string): string | null {
  return xmlElementTexts(xml, name)[0] ?? null;
}
