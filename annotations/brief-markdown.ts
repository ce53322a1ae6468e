// A brief as Markdown for a story draft: headings and labels in the reader's language, local times,
// and no machine comments (round-trip data belongs in the JSON-LD and NDJSON exports).
import type { Brief, BriefEntry } from './brief-model.ts';
import { BRIEF_WORDS, localTime } from './brief-words.ts';

/**
 * Text from articles and notes, made inert: Markdown punctuation is escaped and `<` too, so no text
 * can open a tag or an HTML comment, and a line cannot start a heading, list or quote of its own.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]{}<>#|~!]/gu, (c) => `\\${c}`).replace(/^(\s*)([-+]|\d+\.)(\s)/gmu, '$1\\$2$3');
}

const blockquote = (text: string): string =>
  text
    .split(/\n/u)
    .map((line) => `> ${escapeMarkdown(line)}`.trimEnd())
    .join('\n');

function entryMarkdown(entry: BriefEntry, index: number, brief: Brief): string[] {
  const words = BRIEF_WORDS[brief.language];
  const lines = [`## ${index + 1}. ${escapeMarkdown(entry.title)}`, ''];
  if (entry.author) lines.push(`- **${words.author}:** ${escapeMarkdown(entry.author)}`);
  if (entry.source) lines.push(`- **${words.source}:** ${escapeMarkdown(entry.source)}`);
  const published = entry.publishedAt
    ? localTime(entry.publishedAt, brief.language, brief.timeZone)
    : words.undated(localTime(entry.importedAt, brief.language, brief.timeZone));
  lines.push(`- **${words.published}:** ${published}`);
  if (entry.url) lines.push(`- **${words.link}:** <${entry.url.replace(/[<>\s]/gu, encodeURIComponent)}>`);
  lines.push('');
  for (const quote of entry.quotes) {
    lines.push(blockquote(quote.text));
    const tail = [quote.label, quote.page ? `tr. ${quote.page}` : '', quote.orphan ? words.orphan : ''].filter(Boolean).join(' · ');
    lines.push('>', `> — *${escapeMarkdown(tail)}*`, '');
    if (quote.note) lines.push(`**${words.note}:** ${escapeMarkdown(quote.note).replace(/\n/gu, '  \n')}`, '');
  }
  lines.push(`**${words.citation}:** ${escapeMarkdown(entry.citation)}`, '');
  return lines;
}

export function briefMarkdown(brief: Brief): string {
  const words = BRIEF_WORDS[brief.language];
  const lines = [
    `# ${words.heading}`,
    '',
    `${words.made} ${localTime(brief.now, brief.language, brief.timeZone)} · ${words.counts(brief.entries.length, brief.quoteCount)}`,
    '',
    `**${words.filter}:** ${brief.filter.length ? brief.filter.map(escapeMarkdown).join(' · ') : words.noFilter}`,
    '',
  ];
  if (brief.entries.length === 0) lines.push(words.empty, '');
  brief.entries.forEach((entry, index) => lines.push(...entryMarkdown(entry, index, brief)));
  return `${lines.join('\n').trimEnd()}\n`;
}
