import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-in-process.ts';

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

  it('changes user state with set, and empties the trash', async () => {
    const library = await mkdtemp(join(tmpdir(), 'nr-cli-'));
    const inputs = await mkdtemp(join(tmpdir(), 'nr-cli-in-'));
    await writeFile(join(inputs, 'gaza.txt'), SEED_SHAPED);
    const id = (JSON.parse((await cli(['--library', library, 'import', join(inputs, 'gaza.txt'), '--json'])).out) as { imported: { id: string }[] }).imported[0]!.id;

    const set = await cli(['--library', library, 'set', id, '--read', '--star', '--tags', 'Gaza, ngoại giao', '--collection', 'Trung Đông', '--title', 'Đàm phán ở Gaza', '--json']);
    expect(set.code).toBe(0);
    expect(JSON.parse(set.out)).toMatchObject([{ id, read: true, starred: true, tags: ['Gaza', 'ngoại giao'], collection: 'Trung Đông', title: 'Đàm phán ở Gaza' }]);
    const starred = JSON.parse((await cli(['--library', library, 'list', '--view', 'starred', '--json'])).out) as { items: { id: string }[] };
    expect(starred.items.map((item) => item.id)).toEqual([id]);

    const cleared = await cli(['--library', library, 'set', id, '--unread', '--collection', '', '--json']);
    expect(JSON.parse(cleared.out)).toMatchObject([{ read: false, collection: null }]);
    for (const bad of [['set', id], ['set', id, '--read', '--unread'], ['set', 'no-such-id', '--star']]) {
      const result = await cli(['--library', library, ...bad]);
      expect(result.code, bad.join(' ')).toBe(2);
      expect(result.err.trim().split('\n')).toHaveLength(1);
    }

    await cli(['--library', library, 'delete', id]);
    const emptied = await cli(['--library', library, 'empty-trash', '--json']);
    expect(JSON.parse(emptied.out)).toEqual({ count: 1 });
    expect((await cli(['--library', library, 'show', id])).code).toBe(2);
  });

  it('annotates by quote, lists, finds notes by search, and exports Markdown and JSON-LD that import back', async () => {
    const library = await mkdtemp(join(tmpdir(), 'nr-cli-'));
    const inputs = await mkdtemp(join(tmpdir(), 'nr-cli-in-'));
    await writeFile(join(inputs, 'gaza.txt'), SEED_SHAPED);
    const id = (JSON.parse((await cli(['--library', library, 'import', join(inputs, 'gaza.txt'), '--json'])).out) as { imported: { id: string }[] }).imported[0]!.id;
    const body = (JSON.parse((await cli(['--library', library, 'show', id, '--json'])).out) as { body: string }).body;

    const made = await cli(['--library', library, 'annotate', id, '--quote', 'thả con tin', '--note', 'Kiểm chứng với Bộ Ngoại giao', '--color', 'green', '--json']);
    expect(made.code).toBe(0);
    const annotation = JSON.parse(made.out) as { id: string; articleId: string; quote: string; start: number; end: number; color: string; note: string };
    expect(annotation).toMatchObject({ articleId: id, quote: 'thả con tin', color: 'green', note: 'Kiểm chứng với Bộ Ngoại giao' });
    expect(body.slice(annotation.start, annotation.end)).toBe('thả con tin');

    const missing = await cli(['--library', library, 'annotate', id, '--quote', 'không có trong bài']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^newsroom-reader: The quote was not found/);
    expect((await cli(['--library', library, 'annotate', id, '--quote', 'con tin', '--color', 'purple'])).code).toBe(2);

    const listed = JSON.parse((await cli(['--library', library, 'annotations', id, '--json'])).out) as { id: string }[];
    expect(listed.map((a) => a.id)).toEqual([annotation.id]);

    // The note is searchable with the same Vietnamese engine, without diacritics.
    const found = JSON.parse((await cli(['--library', library, 'search', 'bo ngoai giao', '--json'])).out) as { hits: { id: string }[] };
    expect(found.hits.map((hit) => hit.id)).toEqual([id]);

    const markdown = await cli(['--library', library, 'export', id, '--format', 'md']);
    expect(markdown.code).toBe(0);
    expect(markdown.out).toContain('> thả con tin');
    expect(markdown.out).toContain('Kiểm chứng với Bộ Ngoại giao');
    const jsonld = JSON.parse((await cli(['--library', library, 'export', '--format', 'jsonld'])).out) as { type: string; first: { items: { target: { selector: { type: string }[] } }[] } };
    expect(jsonld.type).toBe('AnnotationCollection');
    expect(jsonld.first.items[0]!.target.selector.map((s) => s.type).sort()).toEqual(['TextPositionSelector', 'TextQuoteSelector']);
    expect((await cli(['--library', library, 'export', id, '--format', 'pdf'])).code).toBe(2);
    // A selection exports those articles with their annotations; an unknown id is an error, not an empty file.
    const selection = (await cli(['--library', library, 'export', id])).out.trim().split('\n').map((line) => JSON.parse(line) as { type: string });
    expect(selection.map((record) => record.type)).toEqual(['article', 'annotation']);
    expect((await cli(['--library', library, 'export', 'no-such-id'])).code).toBe(2);

    // Round trip: delete the annotation, import the Markdown export, and it is back where it was.
    const mdPath = join(inputs, 'gaza-annotations.md');
    const ldPath = join(inputs, 'annotations.jsonld');
    await cli(['--library', library, 'export', id, '--format', 'md', '--out', mdPath]);
    await cli(['--library', library, 'export', '--format', 'jsonld', '--out', ldPath]);
    const context = await import('../../../library/index.ts');
    const direct = context.Library.open(library);
    direct.annotations.delete(annotation.id);
    direct.close();
    expect(JSON.parse((await cli(['--library', library, 'annotations', '--json'])).out)).toEqual([]);
    const reimported = await cli(['--library', library, 'import', mdPath, '--json']);
    expect(reimported.code).toBe(0);
    expect(JSON.parse(reimported.out)).toMatchObject({ imported: [{ id: annotation.id }], failed: [] });
    const back = JSON.parse((await cli(['--library', library, 'annotations', id, '--json'])).out) as typeof annotation[];
    expect(back).toMatchObject([{ id: annotation.id, start: annotation.start, end: annotation.end, note: annotation.note, color: 'green' }]);
    // The JSON-LD holds the same annotation, unchanged: a duplicate, not a second copy.
    expect(JSON.parse((await cli(['--library', library, 'import', ldPath, '--json'])).out)).toMatchObject({ imported: [], duplicates: [{ id: annotation.id }] });
    expect((await cli(['--library', library, 'list', '--json'])).out).toContain('"total": 1');
  });

  it('moves the library to an empty folder, verified, and finds it there next time', async () => {
    const config = await mkdtemp(join(tmpdir(), 'nr-cli-config-'));
    const env = { XDG_CONFIG_HOME: config };
    const inputs = await mkdtemp(join(tmpdir(), 'nr-cli-in-'));
    await writeFile(join(inputs, 'gaza.txt'), SEED_SHAPED);
    const id = (JSON.parse((await cli(['import', join(inputs, 'gaza.txt'), '--json'], env)).out) as { imported: { id: string }[] }).imported[0]!.id;
    await cli(['annotate', id, '--quote', 'con tin', '--note', 'ghi chú'], env);

    const occupied = await mkdtemp(join(tmpdir(), 'nr-cli-occupied-'));
    await writeFile(join(occupied, 'other.txt'), 'x');
    const refused = await cli(['move-library', occupied], env);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/not empty/);

    const target = join(await mkdtemp(join(tmpdir(), 'nr-cli-target-')), 'Thư viện mới');
    const moved = await cli(['move-library', target, '--json'], env);
    expect(moved.code).toBe(0);
    const result = JSON.parse(moved.out) as { libraryDir: string; previousDir: string };
    expect(result.libraryDir).toBe(target);
    expect(existsSync(join(result.previousDir, 'library.sqlite'))).toBe(true);

    // The next run without --library opens the moved library: articles, annotations and search.
    const listed = JSON.parse((await cli(['list', '--json'], env)).out) as { items: { id: string }[] };
    expect(listed.items.map((item) => item.id)).toEqual([id]);
    expect(JSON.parse((await cli(['annotations', id, '--json'], env)).out)).toMatchObject([{ quote: 'con tin', note: 'ghi chú' }]);
    expect((JSON.parse((await cli(['search', 'dam phan', '--json'], env)).out) as { hits: { id: string }[] }).hits.map((h) => h.id)).toEqual([id]);
    const info = await readFile(join(config, 'newsroom-reader', 'library-location.json'), 'utf8');
    expect(JSON.parse(info)).toEqual({ libraryDir: target });

    // A library named with --library is moved, but does not become the app's remembered one.
    const elsewhere = await mkdtemp(join(tmpdir(), 'nr-cli-'));
    await cli(['--library', elsewhere, 'import', join(inputs, 'gaza.txt')], env);
    const second = join(await mkdtemp(join(tmpdir(), 'nr-cli-target-')), 'copy');
    expect((await cli(['--library', elsewhere, 'move-library', second], env)).code).toBe(0);
    expect(JSON.parse(await readFile(join(config, 'newsroom-reader', 'library-location.json'), 'utf8'))).toEqual({ libraryDir: target });
  });
});
