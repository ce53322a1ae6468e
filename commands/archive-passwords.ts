// Where the archive's password lives, per host; never in the library's plain settings:
// - the desktop app: encrypted with the OS keychain (Electron safeStorage, a host service in main);
//   the library keeps only the encrypted blob, which only this OS user on this computer can open;
// - `serve`: this run's memory only (a browser tab gave it; the next run asks again);
// - the command line: PGPASSFILE (~/.pgpass) or PGPASSWORD, which pg reads itself, as psql does.
// A password inside the address is refused on every host, with where it belongs instead.
import type { ArchiveStatus, FailureReason, Host } from '../contract/index.ts';
import { CommandError } from './command-error.ts';

export type PasswordSource = NonNullable<ArchiveStatus['passwordSource']>;

/** What the desktop host does for the archive (Electron main; part of HostServices): the keychain, a confirmation. */
export interface ArchiveHostServices {
  /**
   * Encrypts a secret (the archive's password) with the OS keychain (Electron's safeStorage); the blob
   * is kept in the library, the key never leaves the OS. Null when the OS offers no keychain.
   */
  encryptSecret?: (plain: string) => Promise<string | null>;
  /** Decrypts a blob encryptSecret made, on this computer for this OS user. */
  decryptSecret?: (blob: string) => Promise<string>;
  /**
   * A native confirmation (Electron main) before a renderer links the library to an archive: linking
   * copies the library to that server, and a compromised renderer must not do it unseen. False: cancelled.
   */
  confirmArchiveLink?: (address: string, user: string) => Promise<boolean>;
}

/** A password for one connection, and where it came from; `password` undefined: pg asks the environment. */
export interface ResolvedPassword {
  password: string | undefined;
  source: PasswordSource;
}

const WHERE: Record<PasswordSource, string> = {
  keychain: 'type it in the password field: the app keeps it in the OS keychain',
  session: 'type it in the password field: it is kept for this run only',
  environment: 'put it in PGPASSFILE (~/.pgpass, mode 0600) or PGPASSWORD, as for psql',
};

/** Where a password belongs for this caller (what the refusal of one inside the address says). */
export function passwordHome(caller: Host | undefined, host: ArchiveHostServices): PasswordSource {
  if (caller === undefined || caller === 'cli') return 'environment';
  return host.encryptSecret ? 'keychain' : 'session';
}

/** Refuses an address that carries a password (user:password@ or ?password=), saying where it belongs. */
export function refusePasswordInAddress(address: string, where: PasswordSource): void {
  let carries: boolean;
  try {
    const url = new URL(address);
    carries = url.password !== '' || url.searchParams.has('password');
  } catch {
    carries = /^[a-z]+:\/\/[^/@]*:[^/@]*@/i.test(address) || /[?&]password=/i.test(address);
  }
  if (!carries) return;
  const reason: FailureReason = { kind: 'archive.password-in-address', where };
  throw new CommandError('invalid-arguments', `The archive address must not contain the password (it would be stored in plain text): ${WHERE[where]}.`, reason);
}

/**
 * The password of the linked archive: this run's (given to connect since the start), else the OS
 * keychain's blob, else the environment's (PGPASSWORD, PGPASSFILE, ~/.pgpass, read by pg).
 */
export class ArchivePasswords {
  #session: string | null = null;
  #sessionSource: PasswordSource = 'session';
  readonly #host: ArchiveHostServices;

  constructor(host: ArchiveHostServices) {
    this.#host = host;
  }

  /**
   * A password typed in a renderer: encrypted for the library when the host has a keychain (the blob
   * returned is stored in the link), otherwise kept in memory only. Either way this run remembers it.
   */
  async keep(password: string): Promise<{ secret: Uint8Array | null; source: PasswordSource }> {
    const blob = this.#host.encryptSecret ? await this.#host.encryptSecret(password) : null;
    this.#session = password;
    this.#sessionSource = blob === null ? 'session' : 'keychain';
    return { secret: blob === null ? null : new Uint8Array(Buffer.from(blob, 'base64')), source: this.#sessionSource };
  }

  async resolve(secret: Uint8Array | null): Promise<ResolvedPassword> {
    if (this.#session !== null) return { password: this.#session, source: this.#sessionSource };
    if (secret && this.#host.decryptSecret) {
      const password = await this.#host.decryptSecret(Buffer.from(secret).toString('base64'));
      this.#session = password;
      this.#sessionSource = 'keychain';
      return { password, source: 'keychain' };
    }
    return { password: undefined, source: 'environment' };
  }

  /** Where the next connection's password comes from, without decrypting anything. */
  source(secret: Uint8Array | null): PasswordSource {
    if (this.#session !== null) return this.#sessionSource;
    return secret && this.#host.decryptSecret ? 'keychain' : 'environment';
  }

  forget(): void {
    this.#session = null;
    this.#sessionSource = 'session';
  }
}
