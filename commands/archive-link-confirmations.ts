// The confirmations archive.probe hands a renderer and archive.connect redeems. Linking copies the
// whole library to the server named, so a renderer may link to a new archive only after the person
// saw what archive.probe learnt of it (server, role, TLS, desks) and said yes: the UI can only get a
// confirmation by probing that exact address, and each is single-use and short-lived.
import { randomBytes } from 'node:crypto';
import type { FailureReason } from '../contract/index.ts';
import { CommandError } from './command-error.ts';

type Unconfirmed = Extract<FailureReason, { kind: 'archive.link-unconfirmed' }>;

interface Issued {
  address: string;
  user: string;
  expires: number;
}

const WHY: Record<Unconfirmed['why'], string> = {
  missing: 'Confirm the archive first: linking to a new archive needs the confirmation archive.probe gives for that address.',
  unknown: 'That confirmation is not known here (it was used already, or is from an earlier run): probe the archive again and confirm.',
  expired: 'That confirmation has expired: probe the archive again and confirm.',
  'other-address': 'That confirmation was given for another archive address: probe this address and confirm.',
};

export function unconfirmedLink(why: Unconfirmed['why']): CommandError {
  const reason: Unconfirmed = { kind: 'archive.link-unconfirmed', why };
  return new CommandError('invalid-arguments', WHY[why], reason);
}

export interface ArchiveLinkConfirmationOptions {
  /** How long a confirmation holds (default 5 minutes: time to read what is shown, not to keep it). */
  ttlMs?: number;
  /** The clock (tests). */
  now?: () => number;
}

/** At most this many wait at once; a renderer probing in a loop only pushes its own older ones out. */
const MAX_OUTSTANDING = 16;

export class ArchiveLinkConfirmations {
  readonly #issued = new Map<string, Issued>();
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: ArchiveLinkConfirmationOptions = {}) {
    this.#ttlMs = options.ttlMs ?? 5 * 60_000;
    this.#now = options.now ?? Date.now;
  }

  /** A new confirmation for linking `address` (as the renderer typed it) as `user`. */
  issue(address: string, user: string): { confirmation: string; expiresAt: string } {
    const confirmation = randomBytes(24).toString('base64url');
    const expires = this.#now() + this.#ttlMs;
    this.#issued.set(confirmation, { address, user, expires });
    while (this.#issued.size > MAX_OUTSTANDING) this.#issued.delete(this.#issued.keys().next().value!);
    return { confirmation, expiresAt: new Date(expires).toISOString() };
  }

  /**
   * Uses up a confirmation for linking `address`; throws the refusal (archive.link-unconfirmed) when
   * there is none, it is unknown or expired, or it was for another address. Returns the role the
   * probe saw, for the caller to check the connection is the same one.
   */
  redeem(confirmation: string | undefined, address: string): { user: string } {
    if (confirmation === undefined) throw unconfirmedLink('missing');
    const issued = this.#issued.get(confirmation);
    if (!issued) throw unconfirmedLink('unknown');
    this.#issued.delete(confirmation);
    if (issued.expires <= this.#now()) throw unconfirmedLink('expired');
    if (issued.address !== address) throw unconfirmedLink('other-address');
    return { user: issued.user };
  }
}
