// The confirmations archive.probe gives and archive.connect uses up: single-use, short-lived, for one
// address. The clock is the test's, so expiry needs no waiting.
import { describe, expect, it } from 'vitest';
import { ArchiveLinkConfirmations } from '../../../commands/archive-link-confirmations.ts';
import { CommandError } from '../../../commands/command-error.ts';

const ADDRESS = 'postgres://lan@127.0.0.1:5432/archive';

function refusalOf(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(CommandError);
    return { code: (error as CommandError).code, reason: (error as CommandError).reason, message: (error as CommandError).message };
  }
  throw new Error('expected a refusal');
}

describe('archive link confirmations', () => {
  it('gives the role the probe saw for the address it was issued for, once', () => {
    const confirmations = new ArchiveLinkConfirmations();
    const { confirmation } = confirmations.issue(ADDRESS, 'lan');
    expect(confirmation).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(confirmations.redeem(confirmation, ADDRESS)).toEqual({ user: 'lan' });
    expect(refusalOf(() => confirmations.redeem(confirmation, ADDRESS))).toMatchObject({ code: 'invalid-arguments', reason: { kind: 'archive.link-unconfirmed', why: 'unknown' } });
  });

  it('refuses none, an unknown one, one for another address and an expired one, each with its reason', () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const confirmations = new ArchiveLinkConfirmations({ ttlMs: 60_000, now: () => now });
    expect(refusalOf(() => confirmations.redeem(undefined, ADDRESS))).toMatchObject({ reason: { why: 'missing' }, message: expect.stringMatching(/confirm/i) });
    expect(refusalOf(() => confirmations.redeem('abc', ADDRESS))).toMatchObject({ reason: { why: 'unknown' } });
    const forOther = confirmations.issue('postgres://minh@127.0.0.1:5432/archive', 'minh');
    expect(refusalOf(() => confirmations.redeem(forOther.confirmation, ADDRESS))).toMatchObject({ reason: { why: 'other-address' } });
    const late = confirmations.issue(ADDRESS, 'lan');
    expect(late.expiresAt).toBe('2026-01-01T00:01:00.000Z');
    now += 60_000;
    expect(refusalOf(() => confirmations.redeem(late.confirmation, ADDRESS))).toMatchObject({ reason: { kind: 'archive.link-unconfirmed', why: 'expired' } });
    const inTime = confirmations.issue(ADDRESS, 'lan');
    now += 59_999;
    expect(confirmations.redeem(inTime.confirmation, ADDRESS)).toEqual({ user: 'lan' });
  });

  it('keeps only the newest few waiting, so probing in a loop grows nothing', () => {
    const confirmations = new ArchiveLinkConfirmations();
    const first = confirmations.issue(ADDRESS, 'lan');
    const later = Array.from({ length: 16 }, () => confirmations.issue(ADDRESS, 'lan'));
    expect(refusalOf(() => confirmations.redeem(first.confirmation, ADDRESS))).toMatchObject({ reason: { why: 'unknown' } });
    expect(confirmations.redeem(later[0]!.confirmation, ADDRESS)).toEqual({ user: 'lan' });
  });
});
