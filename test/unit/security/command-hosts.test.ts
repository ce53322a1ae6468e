import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppContext } from '../../../commands/app-context.ts';
import { COMMAND_NAMES, commands, commandsFor, type CommandName } from '../../../contract/index.ts';
import { startServeHost, type ServeHost } from '../../../serve/index.ts';
import { draft } from '../library/library-fixtures.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** Every command name the renderer's source mentions (calls are sometimes chosen by a ternary). */
function rendererCalls(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts') && !path.includes('localization')) {
        for (const match of readFileSync(path, 'utf8').matchAll(/'([a-zA-Z]+\.[a-zA-Z]+)'/g)) if ((COMMAND_NAMES as readonly string[]).includes(match[1]!)) names.add(match[1]!);
      }
    }
  };
  walk(join(repo, 'renderer'));
  return names;
}

describe('which host may call which command', () => {
  it('declares hosts for every command, and keeps paths on this computer away from the renderers', () => {
    for (const name of COMMAND_NAMES) expect(commands[name].hosts.length, name).toBeGreaterThan(0);
    for (const host of ['ipc', 'serve'] as const) {
      expect(commandsFor(host)).not.toContain('library.importPaths');
      expect(commandsFor(host)).not.toContain('library.backup');
    }
    expect(commandsFor('ipc')).not.toContain('library.move');
    expect(commandsFor('ipc')).toEqual(expect.arrayContaining(['library.backupToChosenFile', 'library.moveToChosenFolder', 'library.importFiles']));
    expect(commandsFor('serve')).not.toContain('library.backupToChosenFile');
    expect(commandsFor('cli')).toEqual(expect.arrayContaining(['library.importPaths', 'library.backup', 'library.move']));
  });

  it('gives the renderer every command its UI calls, and nothing it does not call', () => {
    const used = rendererCalls();
    expect(used.size).toBeGreaterThan(10);
    const offered = new Set<string>([...commandsFor('ipc'), ...commandsFor('serve')]);
    for (const name of used) expect(offered.has(name), name).toBe(true);
    for (const name of offered) expect(used.has(name), `${name} is exposed to a renderer that never calls it`).toBe(true);
  });

  it('registers ipcMain handlers only for the renderer’s commands', () => {
    const main = readFileSync(join(repo, 'electron/main.ts'), 'utf8');
    expect(main).toMatch(/for \(const name of commandsFor\('ipc'\)\)/);
    expect(main).not.toMatch(/COMMAND_NAMES/);
  });

  it('refuses a command outside the host’s list before looking at its arguments', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nr-hosts-'));
    const context = await AppContext.open({ libraryDir: dir, runtime: 'browser' });
    try {
      for (const host of ['ipc', 'serve'] as const) {
        const outcome = await context.dispatchFor(host)('library.importPaths', { jobId: 'x', paths: ['/etc/passwd'] });
        expect(outcome).toMatchObject({ ok: false, error: { code: 'unsupported', reason: { kind: 'command.not-allowed', command: 'library.importPaths' } } });
      }
      expect(context.library.counts().all).toBe(0);
      expect(await context.dispatchFor('cli')('library.counts', {})).toMatchObject({ ok: true });
    } finally {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the serve host', () => {
  let dir: string;
  let host: ServeHost;
  const post = async (name: string, body: unknown): Promise<{ status: number; body: { ok: boolean; error?: { code: string; message: string; reason?: { kind: string } } } }> => {
    const response = await fetch(`http://127.0.0.1:${host.port}/api/commands/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-newsroom-token': host.token },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { ok: boolean } };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nr-serve-sec-'));
    host = await startServeHost({ libraryDir: join(dir, 'library'), log: () => {} });
  });

  afterAll(async () => {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('does not read a path on this computer into the library (the audit read /etc/passwd)', async () => {
    const { status, body } = await post('library.importPaths', { jobId: 'steal', paths: ['/etc/passwd'] });
    expect(status).toBe(403);
    expect(body.error?.reason?.kind).toBe('command.not-allowed');
    expect(await host.core.dispatch('library.counts', {})).toMatchObject({ ok: true, value: { all: 0 } });
  });

  it('does not write a backup to a path it is sent', async () => {
    const { status } = await post('library.backup', { path: join(dir, 'copy.sqlite') });
    expect(status).toBe(403);
  });

  it('answers 400, not 500, to a malformed % in a command name', async () => {
    const { status, body } = await post('library.%E0%A4%A', {});
    expect(status).toBe(400);
    expect(body.error?.code).toBe('invalid-arguments');
  });

  it('refuses an offset beyond the contract’s range with a clear message', async () => {
    const { status, body } = await post('library.list', { offset: 1e20 });
    expect(status).toBe(400);
    expect(body.error?.message).toMatch(/offset must be at most 1000000000/);
    expect((await post('search.query', { query: 'x', offset: 1e20 })).status).toBe(400);
  });
});

describe('desktop dialogs choose the paths, in main', () => {
  it('backs up and moves where the dialog says, and does nothing when it is cancelled', async () => {
    const root = await mkdtemp(join(tmpdir(), 'nr-dialog-'));
    const answers: { backup: string | null; folder: string | null } = { backup: join(root, 'chosen.sqlite'), folder: join(root, 'moved') };
    const context = await AppContext.open({
      libraryDir: join(root, 'library'),
      runtime: 'electron',
      host: {
        chooseBackupFile: async () => (answers.backup ? { path: answers.backup, confirmedOverwrite: false } : null),
        chooseLibraryFolder: async () => answers.folder,
      },
    });
    try {
      context.library.addArticle(draft());
      const ipc = context.dispatchFor('ipc');
      const backup = await ipc('library.backupToChosenFile', {});
      expect(backup).toMatchObject({ ok: true, value: { path: join(root, 'chosen.sqlite') } });
      expect(statSync(join(root, 'chosen.sqlite')).size).toBeGreaterThan(0);
      answers.backup = null;
      expect(await ipc('library.backupToChosenFile', {})).toEqual({ ok: true, value: null });
      const moved = await ipc('library.moveToChosenFolder', {});
      expect(moved).toMatchObject({ ok: true, value: { libraryDir: join(root, 'moved') } });
      expect(context.library.counts().all).toBe(1);
      // The renderer cannot name a path itself.
      const typed: CommandName = 'library.move';
      expect(await ipc(typed, { path: join(root, 'elsewhere') })).toMatchObject({ ok: false, error: { reason: { kind: 'command.not-allowed' } } });
    } finally {
      await context.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
