import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/main.ts';
import type { CliIo } from '../../../cli/cli-output.ts';

interface Captured {
  code: number;
  out: string;
  err: string;
}

async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Captured> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) };
  const code = await runCli(args, io, env);
  return { code, out, err };
}

const SEED_SHAPED =
  'Đàm phán ngừng bắn tại Gaza bước vào giai đoạn mới  Sáng 3.3, các bên tiếp tục đàm phán về việc thả con tin, với 30.410 người được ghi nhận.  Ảnh: Người dân tại Gaza  Thủ tướng cho biết hoà bình là mục tiêu chung.  Xem thêm: Giá vàng hôm nay tăng mạnh';

describe('newsroom-reader CLI', () => {
  it('prints help and exits 0', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Usage: newsroom-reader');
    expect((await cli([])).out).toContain('Commands:');
  });

  it('reports unusable arguments as one line on stderr with exit code 2', async () => {
    const library = await mkdtemp(join(tmpdir(), 'nr-cli-'));
    for (const args of [['frobnicate'], ['list', '--no-such-flag'], ['search'], ['show'], ['list', '--limit', 'many']]) {
      const result = await cli(['--library', library, ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err.trim().split('\n')).toHaveLength(1);
      expect(result.err).toMatch(/^newsroom-reader: /);
    }
    const missing = await cli(['--library', library, 'show', 'no-such-id', '--json']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no-such-id');
  });

  it('imports, lists, shows, searches, deletes, restores, exports and backs up', async () => {
    const library = await mkdtemp(join(tmpdir(), 'nr-cli-'));
    const inputs = await mkdtemp(join(tmpdir(), 'nr-cli-in-'));
    await writeFile(join(inputs, 'gaza.txt'), SEED_SHAPED);
    await writeFile(join(inputs, 'broken.txt'), Buffer.from([0, 159, 146, 150, 0, 0, 1, 2]));

    const imported = await cli(['import', join(inputs, 'gaza.txt'), join(inputs, 'broken.txt'), '--json'], { NEWSROOM_LIBRARY: library });
    expect(imported.code).toBe(1);
    const report = JSON.parse(imported.out) as {
      imported: { id: string; title: string; path: string }[];
      duplicates: unknown[];
      failed: { path: string; error: string }[];
    };
    expect(report.imported).toHaveLength(1);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]!.path).toContain('broken.txt');
    const id = report.imported[0]!.id;

    const again = await cli(['--library', library, 'import', join(inputs, 'gaza.txt'), '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ imported: [], duplicates: [{ id }] });

    const shown = JSON.parse((await cli(['--library', library, 'show', id, '--json'])).out) as { id: string; title: string; body: string };
    expect(shown.id).toBe(id);
    expect(shown.body).toContain('đàm phán');
    expect(shown.body.normalize('NFC')).toBe(shown.body);

    const searched = await cli(['--library', library, 'search', 'dam phan', '--json']);
    expect(searched.code).toBe(0);
    const result = JSON.parse(searched.out) as {
      query: string;
      total: number;
      tookMs: number;
      hits: { id: string; matches: { field: 'title' | 'body'; start: number; end: number }[]; snippet: { text: string; matches: { start: number; end: number }[] } }[];
    };
    expect(result.query).toBe('dam phan');
    expect(result.hits.map((hit) => hit.id)).toEqual([id]);
    const bodyMarks = result.hits[0]!.matches.filter((m) => m.field === 'body').map((m) => shown.body.slice(m.start, m.end).toLowerCase());
    expect(bodyMarks).toContain('đàm phán');
    const snippet = result.hits[0]!.snippet;
    expect(snippet.matches.length).toBeGreaterThan(0);
    for (const m of snippet.matches) expect(snippet.text.slice(m.start, m.end).toLowerCase()).toMatch(/đàm|phán/);

    const none = JSON.parse((await cli(['--library', library, 'search', 'xylophone', '--json'])).out) as { hits: unknown[] };
    expect(none.hits).toEqual([]);

    expect((await cli(['--library', library, 'delete', id])).code).toBe(0);
    const trash = JSON.parse((await cli(['--library', library, 'list', '--view', 'trash', '--json'])).out) as { total: number };
    expect(trash.total).toBe(1);
    const afterDelete = JSON.parse((await cli(['--library', library, 'search', 'dam phan', '--json'])).out) as { hits: unknown[] };
    expect(afterDelete.hits).toEqual([]);
    expect((await cli(['--library', library, 'restore', id])).code).toBe(0);
    const all = JSON.parse((await cli(['--library', library, 'list', '--json'])).out) as { total: number; items: { id: string }[] };
    expect(all.items.map((item) => item.id)).toEqual([id]);

    const exportPath = join(inputs, 'export.ndjson');
    expect((await cli(['--library', library, 'export', '--out', exportPath])).code).toBe(0);
    const lines = (await readFile(exportPath, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ id, type: 'article' });

    const backupPath = join(inputs, 'backup.sqlite');
    const backup = await cli(['--library', library, 'backup', backupPath, '--json']);
    expect(backup.code).toBe(0);
    expect(existsSync(backupPath)).toBe(true);
  });
});
