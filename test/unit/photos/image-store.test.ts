import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyLibraryTo } from '../../../commands/library-relocation.ts';
import { ImageRefusedError } from '../../../library/image-store.ts';
import { Library } from '../../../library/index.ts';
import type { ArticleDraft } from '../../../library/model.ts';
import { makePng, PIXEL_GIF, SVG_IMAGE } from './photo-fixtures.ts';

const open: Library[] = [];
function library(dir = mkdtempSync(join(tmpdir(), 'nr-images-'))): Library {
  const lib = Library.open(dir);
  open.push(lib);
  return lib;
}
afterEach(() => {
  for (const lib of open.splice(0)) lib.close();
});

function draftWith(refs: string[], text: string): ArticleDraft {
  const body = `Bài báo ${text} có ảnh.`;
  return {
    title: `Bài ${text}`,
    author: null,
    source: null,
    url: null,
    language: 'vi',
    publishedAt: null,
    body,
    blocks: [{ kind: 'paragraph', start: 0, end: body.length }, ...refs.map((ref) => ({ kind: 'figure' as const, start: body.length, end: body.length, figure: { image: ref, src: null, alt: 'ảnh', credit: null } }))],
    origin: `${text}.html`,
    tags: [],
  };
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe('image store', () => {
  it('names a photo by its content: the same bytes are kept once, other bytes apart, each file whole', () => {
    const lib = library();
    const png = makePng(64, 48, 1);
    const first = lib.images.storeImage(png, 'image/jpeg');
    const again = lib.images.storeImage(new Uint8Array(png), 'text/html');
    const other = lib.images.storeImage(makePng(64, 48, 2));
    expect(first).toEqual({ ref: `${createHash('sha256').update(png).digest('hex')}.png`, mediaType: 'image/png', width: 64, height: 48, size: png.length });
    expect(again.ref).toBe(first.ref);
    expect(other.ref).not.toBe(first.ref);
    expect(lib.images.refs().sort()).toEqual([first.ref, other.ref].sort());
    const path = lib.images.pathOf(first.ref)!;
    expect(path).toBe(join(lib.dir, 'images', first.ref.slice(0, 2), first.ref));
    expect(readFileSync(path).equals(png)).toBe(true);
    // Written through a temp file renamed into place: nothing half-written is left beside them.
    expect(filesUnder(join(lib.dir, 'images')).sort()).toEqual([first.ref, other.ref].sort());
  });

  it('refuses what is not a photo, whatever it claims to be, and writes nothing', () => {
    const lib = library();
    expect(() => lib.images.storeImage(SVG_IMAGE, 'image/png')).toThrow(ImageRefusedError);
    expect(() => lib.images.storeImage(new TextEncoder().encode('<html>not a photo</html>'), 'image/jpeg')).toThrow(/not an image/);
    expect(() => lib.images.storeImage(new Uint8Array(), 'image/png')).toThrow(/empty/);
    expect(lib.images.refs()).toEqual([]);
    expect(filesUnder(join(lib.dir, 'images'))).toEqual([]);
  });

  it('counts references from the stored blocks and collects only photos no article names, once released', () => {
    const lib = library();
    const only = lib.images.storeImage(makePng(40, 40, 3)).ref;
    const shared = lib.images.storeImage(makePng(40, 40, 4)).ref;
    const pending = lib.images.storeImage(PIXEL_GIF).ref;
    const a = lib.addArticle(draftWith([only, shared], 'một')).id;
    const b = lib.addArticle(draftWith([shared], 'hai')).id;
    lib.images.release([only, shared]);
    expect([lib.images.references(only), lib.images.references(shared)]).toEqual([1, 2]);

    lib.trash([a]);
    lib.emptyTrash();
    expect(existsSync(lib.images.pathOf(only)!)).toBe(false);
    expect(lib.images.refs()).not.toContain(only);
    expect(existsSync(lib.images.pathOf(shared)!)).toBe(true);
    // Stored for an article not committed yet: held, so emptying the trash meanwhile keeps it.
    expect(lib.images.refs()).toContain(pending);

    lib.trash([b]);
    lib.emptyTrash();
    expect(lib.images.refs()).toEqual([pending]);
    lib.images.release([pending]);
    expect(lib.images.collectGarbage()).toEqual({ removed: 1 });
    expect(filesUnder(join(lib.dir, 'images'))).toEqual([]);
  });

  it('follows an article whose text and photos change (re-import): the old photo loses its reference', () => {
    const lib = library();
    const before = lib.images.storeImage(makePng(30, 30, 5)).ref;
    const after = lib.images.storeImage(makePng(30, 30, 6)).ref;
    lib.images.release([before, after]);
    const draft = { ...draftWith([before], 'ba'), url: 'https://tin.example/ba' };
    const id = lib.addArticle(draft).id;
    const edited = draftWith([after], 'ba đã sửa');
    expect(lib.addArticle({ ...edited, url: 'https://tin.example/ba' })).toMatchObject({ status: 'updated', id });
    expect([lib.images.references(before), lib.images.references(after)]).toEqual([0, 1]);
    lib.emptyTrash();
    expect(lib.images.refs()).toEqual([after]);
  });

  it('a backup is one file holding the photos; a library opened from it has them back as files', async () => {
    const lib = library();
    const stored = lib.images.storeImage(makePng(50, 20, 7));
    lib.addArticle(draftWith([stored.ref], 'bốn'));
    const out = mkdtempSync(join(tmpdir(), 'nr-images-backup-'));
    await lib.backup(join(out, 'backup.sqlite'));
    // The live library keeps no copy inside its database.
    expect(lib.db.prepare('SELECT count(*) AS n FROM images WHERE embedded IS NOT NULL').get()).toEqual({ n: 0 });

    const restoredDir = join(out, 'restored');
    mkdirSync(restoredDir);
    copyFileSync(join(out, 'backup.sqlite'), join(restoredDir, 'library.sqlite'));
    const restored = library(restoredDir);
    expect(readFileSync(restored.images.pathOf(stored.ref)!).equals(readFileSync(lib.images.pathOf(stored.ref)!))).toBe(true);
    expect(restored.db.prepare('SELECT count(*) AS n FROM images WHERE embedded IS NOT NULL').get()).toEqual({ n: 0 });
    expect(restored.images.references(stored.ref)).toBe(1);
  });

  it('moving the library takes its photos along', async () => {
    const lib = library();
    const stored = lib.images.storeImage(makePng(50, 20, 8));
    lib.addArticle(draftWith([stored.ref], 'năm'));
    const target = join(mkdtempSync(join(tmpdir(), 'nr-images-move-')), 'moved');
    await copyLibraryTo(lib, target);
    expect(readFileSync(join(target, 'images', stored.ref.slice(0, 2), stored.ref)).equals(readFileSync(lib.images.pathOf(stored.ref)!))).toBe(true);
    const moved = library(target);
    expect(moved.images.refs()).toEqual([stored.ref]);
  });
});

describe('export with photos', () => {
  it('export --photos carries the articles’ photos, and importing it into another library restores them', async () => {
    const { cli } = await import('../cli/cli-in-process.ts');
    const from = mkdtempSync(join(tmpdir(), 'nr-images-export-'));
    const lib = library(from);
    const kept = lib.images.storeImage(makePng(70, 40, 40));
    const other = lib.images.storeImage(makePng(70, 40, 41));
    const id = lib.addArticle(draftWith([kept.ref], 'sáu')).id;
    lib.addArticle(draftWith([other.ref], 'bảy'));
    lib.close();
    open.splice(open.indexOf(lib), 1);

    const out = join(mkdtempSync(join(tmpdir(), 'nr-images-export-out-')), 'mot-bai.ndjson');
    expect((await cli(['--library', from, 'export', id, '--photos', '--out', out])).code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { type: string; ref?: string });
    expect(lines.filter((line) => line.type === 'image').map((line) => line.ref)).toEqual([kept.ref]);
    const plain = join(out, '..', 'khong-anh.ndjson');
    await cli(['--library', from, 'export', id, '--out', plain]);
    expect(readFileSync(plain, 'utf8')).not.toContain('"type":"image"');

    const to = mkdtempSync(join(tmpdir(), 'nr-images-import-'));
    const imported = await cli(['--library', to, 'import', out, '--json']);
    expect(imported.code, imported.err).toBe(0);
    const restored = library(to);
    expect(restored.images.refs()).toEqual([kept.ref]);
    expect(readFileSync(restored.images.pathOf(kept.ref)!).equals(makePng(70, 40, 40))).toBe(true);
    expect(restored.get(id)!.blocks.find((block) => block.kind === 'figure')!.figure!.image).toBe(kept.ref);
  });
});
