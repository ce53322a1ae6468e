import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, commands, validateArgs } from '../../../contract/index.ts';
import { CommandError } from '../../../commands/command-error.ts';
import { createDispatcher, type CommandHandlers } from '../../../commands/dispatcher.ts';

/** Handlers that record what reached them, so a test can prove validation ran first. */
function recordingHandlers(reached: string[], behaviour: (name: string, args: unknown) => unknown): CommandHandlers {
  return new Proxy({} as CommandHandlers, {
    get: (_target, name: string) => (args: unknown) => {
      reached.push(name);
      return behaviour(name, args);
    },
  });
}

describe('command dispatcher', () => {
  it('validates arguments before any handler runs', async () => {
    const reached: string[] = [];
    const dispatch = createDispatcher(recordingHandlers(reached, () => 'ran'));
    const bad = await dispatch('library.get', { id: 7 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(!bad.ok && bad.error.message).toMatch(/^Invalid arguments for library\.get: id: /);
    expect(await dispatch('library.list', { limit: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await dispatch('library.list', { surprise: true })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await dispatch('library.importUrls', { jobId: 'j1', urls: ['file:///etc/passwd'] })).toMatchObject({ ok: false });
    expect(reached).toEqual([]);
    expect(await dispatch('library.get', { id: 'abc' })).toEqual({ ok: true, value: 'ran' });
    expect(reached).toEqual(['library.get']);
  });

  it('answers unknown commands and odd names without throwing', async () => {
    const dispatch = createDispatcher(recordingHandlers([], () => null));
    expect(await dispatch('library.dropTables', {})).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    expect(await dispatch('toString', {})).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
  });

  it('turns handler errors into one-line envelopes with the right code', async () => {
    const unexpected: string[] = [];
    const dispatch = createDispatcher(
      recordingHandlers([], (name) => {
        if (name === 'library.get') throw new CommandError('not-found', 'No article with id x');
        throw new Error('disk on fire\n    at stack frame');
      }),
      { onUnexpected: (name) => unexpected.push(name) },
    );
    expect(await dispatch('library.get', { id: 'x' })).toEqual({ ok: false, error: { code: 'not-found', message: 'No article with id x' } });
    expect(await dispatch('library.counts', {})).toEqual({ ok: false, error: { code: 'failed', message: 'library.counts failed: disk on fire' } });
    expect(unexpected).toEqual(['library.counts']);
  });

  it('declares every command with a schema and a summary', () => {
    expect(COMMAND_NAMES).toContain('app.info');
    for (const name of COMMAND_NAMES) {
      expect(commands[name].summary.length).toBeGreaterThan(5);
      // Missing arguments are treated as an empty object; commands without required fields accept that.
      const result = validateArgs(name, undefined);
      expect(typeof result.ok).toBe('boolean');
    }
  });
});
