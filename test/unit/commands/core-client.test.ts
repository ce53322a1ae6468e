import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryInUseError, lockLibrary } from '../../../library/library-lock.ts';
import { CoreClient } from '../../../commands/core-client.ts';
import type { EventName } from '../../../contract/index.ts';

const file = (name: string, text: string): { name: string; base64: string } => ({ name, base64: Buffer.from(text).toString('base64') });

describe('the core in a worker thread', () => {
  let root: string;
  let core: CoreClient | null = null;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'nr-core-'));
  });

  afterEach(async () => {
    await core?.close();
    core = null;
    rmSync(root, { recursive: true, force: true });
  });

  it('answers commands in the contract envelopes, per host, and forwards the bus events', async () => {
    core = await CoreClient.start({ libraryDir: join(root, 'library'), runtime: 'browser', log: () => {} });
    expect(core.info.libraryDir).toBe(join(root, 'library'));
    const seen: EventName[] = [];
    core.events.onAny((event) => seen.push(event));
    const serve = core.dispatchFor('serve');
    const imported = await serve('library.importFiles', { jobId: 'j1', files: [file('doha.txt', 'Đàm phán ở Doha\n\nHai bên nối lại đàm phán ngừng bắn.')] });
    expect(imported).toMatchObject({ ok: true, value: { imported: [{ title: 'Đàm phán ở Doha' }] } });
    expect(seen).toContain('import.progress');
    expect(seen).toContain('library.changed');
    expect(await serve('library.counts', {})).toMatchObject({ ok: true, value: { all: 1 } });
    // The host's command list and argument checks still apply, inside the worker.
    expect(await serve('library.importPaths', { jobId: 'x', paths: ['/etc/passwd'] })).toMatchObject({ ok: false, error: { reason: { kind: 'command.not-allowed' } } });
    expect(await serve('library.get', { id: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await serve('no.such', {})).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    await core.whenSearchIdle();
    expect(await serve('search.query', { query: 'doha' })).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('asks the host for its dialogs through the port (Electron main keeps them)', async () => {
    const backup = join(root, 'copy.sqlite');
    const asked: string[] = [];
    core = await CoreClient.start({
      libraryDir: join(root, 'library'),
      runtime: 'electron',
      log: () => {},
      host: {
        chooseBackupFile: async (suggested) => {
          asked.push(suggested);
          return { path: backup, confirmedOverwrite: false };
        },
      },
    });
    const ipc = core.dispatchFor('ipc');
    expect(await ipc('library.backupToChosenFile', {})).toMatchObject({ ok: true, value: { path: backup } });
    expect(asked[0]).toMatch(/^newsroom-backup-.*\.sqlite$/);
    expect(statSync(backup).size).toBeGreaterThan(0);
    // A service the host did not offer is refused as before.
    expect(await ipc('library.moveToChosenFolder', {})).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });

  it('says so when the core stops, starts it again, and the next command succeeds', async () => {
    const log: string[] = [];
    core = await CoreClient.start({ libraryDir: join(root, 'library'), runtime: 'browser', log: (line) => log.push(line) });
    const serve = core.dispatchFor('serve');
    await serve('library.importFiles', { jobId: 'a', files: [file('a.txt', 'Bài một\n\nNội dung.')] });
    const events: { event: EventName; payload: unknown }[] = [];
    core.events.onAny((event, payload) => events.push({ event, payload }));
    await core.testHooks.crash();
    const after = await serve('library.counts', {});
    expect(after).toMatchObject({ ok: true, value: { all: 1 } });
    expect(log.join('\n')).toMatch(/the core stopped \(exit code \d+\); starting it again/);
    expect(events.map((e) => e.event)).toEqual(expect.arrayContaining(['search.state', 'library.changed']));
    expect(events.find((e) => e.event === 'search.state')?.payload).toEqual({ state: 'loading' });
    // It writes too: the restarted core holds the library's lock.
    expect(await serve('library.importFiles', { jobId: 'b', files: [file('b.txt', 'Bài hai\n\nNội dung khác.')] })).toMatchObject({ ok: true });
    expect(await serve('library.counts', {})).toMatchObject({ ok: true, value: { all: 2 } });
  });

  it('answers a command in flight when the core stops, instead of leaving it hanging', async () => {
    core = await CoreClient.start({ libraryDir: join(root, 'library'), runtime: 'browser', log: () => {} });
    const files = Array.from({ length: 200 }, (_, i) => file(`f${i}.txt`, `Bài ${i}\n\nNội dung số ${i}.`));
    const running = core.dispatchFor('serve')('library.importFiles', { jobId: 'big', files });
    await core.testHooks.crash();
    const outcome = await running;
    // Either it finished before the stop or it is answered with a clear failure.
    if (!outcome.ok) expect(outcome.error).toMatchObject({ message: expect.stringMatching(/core stopped/), reason: { kind: 'core.stopped', restarted: true } });
    expect(await core.dispatch('library.counts', {})).toMatchObject({ ok: true });
  });

  it('leaves a core that keeps stopping stopped, and commands say why', async () => {
    const log: string[] = [];
    core = await CoreClient.start({ libraryDir: join(root, 'library'), runtime: 'browser', log: (line) => log.push(line) });
    for (let stop = 1; stop <= 5; stop++) {
      await core.testHooks.crash();
      expect(await core.dispatch('library.counts', {})).toMatchObject({ ok: true });
    }
    await core.testHooks.crash();
    expect(await core.dispatch('library.counts', {})).toMatchObject({
      ok: false,
      error: { code: 'failed', message: expect.stringMatching(/stopped too often/), reason: { kind: 'core.stopped', restarted: false } },
    });
    expect(log.at(-1)).toMatch(/6 times in a minute; not starting it again/);
  });

  it('refuses to start on a library another process holds, with the same error as before', async () => {
    const libraryDir = join(root, 'library');
    const unlock = lockLibrary(libraryDir);
    try {
      // Same process here, so fake another holder by rewriting the lock with a live foreign pid (1: init).
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(libraryDir, 'library.lock'), `${JSON.stringify({ pid: 1 })}\n`);
      const error = await CoreClient.start({ libraryDir, runtime: 'browser', log: () => {} }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toBe(new LibraryInUseError(libraryDir, 1).name);
      expect((error as Error).message).toContain('pid 1');
    } finally {
      unlock();
    }
    expect(existsSync(join(libraryDir, 'library.lock'))).toBe(false);
  });
});
