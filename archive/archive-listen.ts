// Live updates: one dedicated session (LISTEN needs a session of its own, never a pooled or
// PgBouncer transaction-mode one) that hears the archive's NOTIFY and says "something changed";
// the caller pulls what it may see. A lost connection (server restart, network) is retried with
// backoff, and each reconnect reports a change too, since notifications sent meanwhile are lost.
import pg from 'pg';
import { archiveClientConfig } from './archive-connection.ts';

export const ARCHIVE_CHANNEL = 'nr_archive_changes';

export interface ArchiveListenerOptions {
  /** Told when live updates start (true) or stop (false, with the error). */
  onLive?: (live: boolean, error?: unknown) => void;
  /** First retry delay and the longest (defaults 500 ms and 30 s). */
  minDelayMs?: number;
  maxDelayMs?: number;
}

export interface ArchiveListener {
  readonly live: boolean;
  close(): Promise<void>;
}

/**
 * Listens on the archive's change channel. `onChange` gets the change_seq of a notification, or null
 * after (re)connecting, when changes may have been missed.
 */
export function listenForChanges(
  address: string,
  password: string | undefined,
  onChange: (seq: number | null) => void,
  options: ArchiveListenerOptions = {},
): ArchiveListener {
  // The address means what it means to the pool (libpq sslmode); without a password pg itself reads PGPASSWORD, then PGPASSFILE.
  const { config } = archiveClientConfig(address);
  const minDelay = options.minDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 30_000;
  let delay = minDelay;
  let closed = false;
  let live = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;

  const setLive = (value: boolean, error?: unknown): void => {
    if (live === value) return;
    live = value;
    options.onLive?.(value, error);
  };

  const retry = (error: unknown): void => {
    const lost = client;
    client = null;
    lost?.removeAllListeners('end');
    lost?.end().catch(() => undefined);
    setLive(false, error);
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
    delay = Math.min(delay * 2, maxDelay);
  };

  const connect = async (): Promise<void> => {
    if (closed) return;
    const session = new pg.Client({ ...config, ...(password === undefined ? {} : { password }), keepAlive: true });
    client = session;
    session.on('error', (error) => {
      if (client === session) retry(error);
    });
    session.on('end', () => {
      if (client === session && !closed) retry(new Error('the archive closed the connection'));
    });
    session.on('notification', (message) => {
      if (message.channel !== ARCHIVE_CHANNEL) return;
      const seq = Number(message.payload);
      onChange(Number.isFinite(seq) ? seq : null);
    });
    try {
      await session.connect();
      await session.query(`LISTEN ${ARCHIVE_CHANNEL}`);
    } catch (error) {
      if (client === session) retry(error);
      return;
    }
    if (closed || client !== session) return;
    delay = minDelay;
    setLive(true);
    onChange(null);
  };

  void connect();
  return {
    get live() {
      return live;
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const session = client;
      client = null;
      setLive(false);
      if (session) {
        session.removeAllListeners('end');
        await session.end().catch(() => undefined);
      }
    },
  };
}
