import { writeFile } from 'node:fs/promises';
import type { Annotation, AnnotationColor } from '../contract/index.ts';
import type { CliIo } from './cli-output.ts';
import { printJson } from './cli-output.ts';
import type { ParsedArguments } from './parse-arguments.ts';
import { UsageError } from './usage-error.ts';

/** Calls one command and returns its value, or throws its message as a one-line usage error. */
export type CommandCaller = (name: string, args: unknown) => Promise<unknown>;

const COLORS: readonly AnnotationColor[] = ['yellow', 'green', 'blue', 'pink'];

/** The stable JSON shape of `annotate --json` and `annotations --json`. */
function annotationJson(annotation: Annotation) {
  return {
    id: annotation.id,
    articleId: annotation.articleId,
    quote: annotation.quote.exact,
    start: annotation.position.start,
    end: annotation.position.end,
    color: annotation.color,
    note: annotation.note,
    status: annotation.status,
    created: annotation.created,
    updated: annotation.updated,
    // With a shared archive: who wrote it, the desk it is shared with, and whether it is another reporter's.
    ...(annotation.author !== undefined ? { author: annotation.author } : {}),
    ...(annotation.desk !== undefined ? { desk: annotation.desk } : {}),
    ...(annotation.foreign ? { foreign: true } : {}),
  };
}

function annotationLine(annotation: Annotation): string {
  const where = annotation.status === 'orphan' ? 'orphan' : `${annotation.position.start}–${annotation.position.end}`;
  const note = annotation.note ? `\n    note: ${annotation.note.replace(/\s+/g, ' ')}` : '';
  const shared = annotation.foreign && annotation.author ? `  (by ${annotation.author}${annotation.desk ? `, ${annotation.desk}` : ''})` : annotation.desk ? `  (shared with ${annotation.desk})` : '';
  return `${annotation.id}  [${annotation.color}] ${where}  “${annotation.quote.exact.replace(/\s+/g, ' ')}”${shared}${note}`;
}

function colorOption(value: string | undefined): AnnotationColor | undefined {
  if (value === undefined) return undefined;
  const color = value.toLowerCase() as AnnotationColor;
  if (!COLORS.includes(color)) throw new UsageError(`--color must be one of ${COLORS.join(', ')}, got "${value}"`);
  return color;
}

export async function annotate(args: ParsedArguments, call: CommandCaller, io: CliIo): Promise<number> {
  const { options, positionals } = args;
  if (positionals.length !== 1 || options.quote === undefined) throw new UsageError('usage: newsroom-reader annotate ID --quote TEXT [--note TEXT] [--color NAME]');
  const annotation = (await call('annotations.create', {
    articleId: positionals[0],
    quote: options.quote,
    prefix: options.prefix,
    suffix: options.suffix,
    color: colorOption(options.color),
    note: options.note,
  })) as Annotation;
  if (options.json) printJson(io, annotationJson(annotation));
  else io.out(annotationLine(annotation));
  return 0;
}

export async function listAnnotations(args: ParsedArguments, call: CommandCaller, io: CliIo): Promise<number> {
  const { options, positionals } = args;
  if (positionals.length > 1) throw new UsageError('usage: newsroom-reader annotations [ID] [--color NAME] [--by me|desk]');
  const by = options.by;
  if (by !== undefined && by !== 'me' && by !== 'desk') throw new UsageError(`--by is me or desk, got "${by}"`);
  const annotations = (await call('annotations.list', { articleId: positionals[0], color: colorOption(options.color), ...(by ? { by } : {}) })) as Annotation[];
  if (options.json) printJson(io, annotations.map(annotationJson));
  else {
    for (const annotation of annotations) io.out(annotationLine(annotation));
    io.out(`${annotations.length} annotations`);
  }
  return 0;
}

/** `export ID --format md|jsonld` (or `export --format jsonld` for every annotation). */
export async function exportAnnotations(args: ParsedArguments, call: CommandCaller, io: CliIo): Promise<number> {
  const { options, positionals } = args;
  if (positionals.length > 1) throw new UsageError('usage: newsroom-reader export [ID] --format md|jsonld [--out FILE]');
  const result = (await call('annotations.export', { articleId: positionals[0], format: options.format })) as { filename: string; content: string };
  if (options.out) {
    await writeFile(options.out, result.content, 'utf8');
    if (options.json) printJson(io, { path: options.out });
    else io.out(`Exported to ${options.out}`);
  } else io.out(result.content.replace(/\n$/, ''));
  return 0;
}
