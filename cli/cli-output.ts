import type { ArticleSummary } from '../contract/index.ts';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** A status line that the next one replaces (import progress); '' clears it. Absent: not shown. */
  progress?: (line: string) => void;
  /** Where a secret read from stdin comes from (archive desk add --password-stdin); process.stdin when absent. */
  stdin?: NodeJS.ReadableStream;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  // On a terminal the line is rewritten in place; in a log each one is a line of its own.
  progress: (line) => {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${line}`);
    else if (line) process.stderr.write(`${line}\n`);
  },
};

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

function flag(on: boolean, mark: string): string {
  return on ? mark : ' ';
}

/** One line per article: id, state flags, date, source and title — wide enough for a terminal. */
export function summaryLine(article: ArticleSummary): string {
  const date = (article.publishedAt ?? article.importedAt).slice(0, 10);
  const flags = `${flag(!article.read, '•')}${flag(article.starred, '★')}${flag(article.archived, 'A')}${flag(article.trashedAt !== null, 'T')}`;
  const source = article.source ? ` [${article.source}]` : '';
  return `${article.id}  ${flags}  ${date}${source}  ${article.title}`;
}
