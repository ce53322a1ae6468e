import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.ts';

// One table for every subcommand keeps `--library` and `--json` valid in any position.
const OPTIONS = {
  library: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  port: { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  overwrite: { type: 'boolean' },
  out: { type: 'string' },
  view: { type: 'string' },
  tag: { type: 'string' },
  collection: { type: 'string' },
  source: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  sort: { type: 'string' },
  read: { type: 'boolean' },
  unread: { type: 'boolean' },
  star: { type: 'boolean' },
  unstar: { type: 'boolean' },
  archive: { type: 'boolean' },
  unarchive: { type: 'boolean' },
  tags: { type: 'string' },
  title: { type: 'string' },
  quote: { type: 'string' },
  prefix: { type: 'string' },
  suffix: { type: 'string' },
  note: { type: 'string' },
  color: { type: 'string' },
  format: { type: 'string' },
  encoding: { type: 'string' },
  folder: { type: 'string' },
  interval: { type: 'string' },
  feed: { type: 'string' },
  all: { type: 'boolean' },
  pause: { type: 'boolean' },
  resume: { type: 'boolean' },
  'keep-articles': { type: 'boolean' },
  'trash-articles': { type: 'boolean' },
  'allow-loopback-sources': { type: 'boolean' },
  notify: { type: 'boolean' },
  'full-text': { type: 'boolean' },
  'keep-days': { type: 'string' },
  photos: { type: 'boolean' },
  desk: { type: 'string' },
  private: { type: 'boolean' },
  stop: { type: 'boolean' },
  'discard-pending': { type: 'boolean' },
  url: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  by: { type: 'string' },
} as const;

export interface ParsedArguments {
  command: string;
  positionals: string[];
  options: {
    library?: string;
    json?: boolean;
    help?: boolean;
    version?: boolean;
    encoding?: string;
    port?: string;
    limit?: string;
    offset?: string;
    overwrite?: boolean;
    out?: string;
    view?: string;
    tag?: string;
    collection?: string;
    source?: string;
    from?: string;
    to?: string;
    sort?: string;
    read?: boolean;
    unread?: boolean;
    star?: boolean;
    unstar?: boolean;
    archive?: boolean;
    unarchive?: boolean;
    tags?: string;
    title?: string;
    quote?: string;
    prefix?: string;
    suffix?: string;
    note?: string;
    color?: string;
    format?: string;
    folder?: string;
    interval?: string;
    feed?: string;
    all?: boolean;
    pause?: boolean;
    resume?: boolean;
    'keep-articles'?: boolean;
    'trash-articles'?: boolean;
    'allow-loopback-sources'?: boolean;
    notify?: boolean;
    'full-text'?: boolean;
    'keep-days'?: string;
    photos?: boolean;
    desk?: string;
    private?: boolean;
    stop?: boolean;
    'discard-pending'?: boolean;
    url?: string;
    'password-stdin'?: boolean;
    by?: string;
  };
}

export function parseArguments(argv: string[]): ParsedArguments {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
  const [command = 'help', ...positionals] = parsed.positionals;
  return { command, positionals, options: parsed.values };
}

export function parseCount(value: string | undefined, name: string, fallback: number, max: number, min = 1): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, got "${value}"`);
  const count = Number(value);
  if (count < min || count > max) throw new UsageError(`--${name} must be between ${min} and ${max}`);
  return count;
}

/** The one positional argument a command takes, or a usage error naming how to call it. */
export function singlePositional(positionals: readonly string[], usage: string): string {
  if (positionals.length !== 1) throw new UsageError(`usage: newsroom-reader ${usage}`);
  return positionals[0]!;
}
