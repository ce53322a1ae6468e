// Batched commits keep the guarantees of one commit per article: a failing article leaves nothing,
// the others of its batch are stored, duplicates inside one batch are found, cancelling keeps what
// was committed, a batch the library could not commit is redone article by article, and a kill -9
// inside a batch leaves the batches before it whole and nothing of it.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runImport, type ImportSink, type ImportTarget } from '../../../importers/index.ts';
import { Library } from '../../../library/index.ts';
import type { LibraryChange } from '../../../contract/library-change.ts';
import { freshLibraryEachTest, integrityCheck, temporaryFolder } from '../library/library-fixtures.ts';
import { MemorySink } from './importer-test-helpers.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

function txt(name: string, title: string, body: string): ImportTarget {
  return { kind: 'bytes', name, bytes: new TextEncoder().encode(`${title}\n\n${body}`) };
}

/** Articles whose rows are not all there: an article without its text, or without its change stamp. */
function halfWritten(library: Library): number {
  const row = library.db
    .prepare(
      `SELECT (SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM article_content))
            + (SELECT count(*) FROM article_content WHERE article_id NOT IN (SELECT id FROM articles))
            + (SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM search_changes)) AS n`,
    )
    .get() as { n: number };
  return row.n;
}

describe('import batches into a library', () => {
  let library: Library;
  freshLibraryEachTest((opened) => (library = opened));

  it('store the good articles of a batch, report the one that failed mid-write, and leave nothing of it', async () => {
    // The article row is written before its text; refusing the text fails the article half-way.
    library.db.exec(`CREATE TRIGGER refuse_broken BEFORE INSERT ON article_content WHEN NEW.body LIKE '%HỎNG%'
      BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END`);
    const changes: LibraryChange[] = [];
    library.onChange((change) => changes.push(change));
    const report = await runImport(
      [
        txt('a.txt', 'Bài một', 'Nội dung bài một về giá xăng.'),
        txt('b.txt', 'Bài hỏng', 'Nội dung HỎNG giữa lô.'),
        txt('c.txt', 'Bài ba', 'Nội dung bài ba về thời tiết.'),
      ],
      library,
      { batchMs: 60_000 },
    );
    expect(report.imported.map((entry) => [entry.path, entry.title])).toEqual([
      ['a.txt', 'Bài một'],
      ['c.txt', 'Bài ba'],
    ]);
    expect(report.failed).toEqual([{ path: 'b.txt', error: 'could not save: refused by test trigger', reason: { kind: 'save-failed', detail: 'refused by test trigger' } }]);
    expect(library.counts().all).toBe(2);
    expect(library.list({}).items.map((item) => item.title).sort()).toEqual(['Bài ba', 'Bài một']);
    expect(halfWritten(library)).toBe(0);
    // One batch, one commit: listeners hear of both stored articles at once, after it.
    expect(changes).toEqual([{ changed: report.imported.map((entry) => entry.id), removed: [], generation: library.generation() }]);
  });

  it('sync a batch to disk as a FULL commit would when it replaced an edited article, and not for new articles only', async () => {
    const page = (text: string): ImportTarget => ({ kind: 'bytes', name: 'trang.html', bytes: new TextEncoder().encode(
      `<html><head><title>Trang</title><link rel="canonical" href="https://bao.example.vn/tin/1.html"></head><body><article><h1>Trang</h1><p>${text}</p></article></body></html>`,
    ) });
    const commits: string[] = [];
    const exec = library.db.exec.bind(library.db);
    library.db.exec = (sql: string): void => {
      if (/^(PRAGMA synchronous|COMMIT)/.test(sql)) commits.push(sql);
      exec(sql);
    };
    await runImport([page('Bản đầu tiên của bài báo, đủ dài để Readability nhận ra đây là nội dung chính của trang.')], library, { batchMs: 60_000 });
    expect(commits).toEqual(['PRAGMA synchronous = NORMAL', 'COMMIT', 'PRAGMA synchronous = FULL']);
    commits.length = 0;
    const report = await runImport([page('Bản đã sửa của bài báo, vẫn đủ dài để Readability nhận ra đây là nội dung chính của trang.')], library, { batchMs: 60_000 });
    expect(report.imported).toMatchObject([{ updated: true }]);
    // The batch commits under NORMAL, then a FULL commit syncs the log that holds it.
    expect(commits).toEqual(['PRAGMA synchronous = NORMAL', 'COMMIT', 'PRAGMA synchronous = FULL', 'COMMIT']);
  });

  it('find a duplicate of an article written earlier in the same batch', async () => {
    const report = await runImport(
      [txt('one.txt', 'Tin trùng', 'Cùng một nội dung.'), txt('two.txt', 'Tin trùng', 'Cùng một nội dung.'), txt('three.txt', 'Tin khác', 'Nội dung khác.')],
      library,
      { batchMs: 60_000 },
    );
    expect(report.imported.map((entry) => entry.path)).toEqual(['one.txt', 'three.txt']);
    expect(report.duplicates).toEqual([{ path: 'two.txt', id: report.imported[0]!.id }]);
    expect(library.counts().all).toBe(2);
  });

  it('stop at the next article when cancelled mid-batch and commit the ones already written', async () => {
    const controller = new AbortController();
    const sink: ImportSink = {
      addArticle: (draft) => {
        const result = library.addArticle(draft);
        if (draft.title === 'Bài hai') controller.abort();
        return result;
      },
      restoreArticle: (record) => library.restoreArticle(record),
      importBatch: (work) => library.importBatch(work),
    };
    const report = await runImport([txt('1.txt', 'Bài một', 'Một.'), txt('2.txt', 'Bài hai', 'Hai.'), txt('3.txt', 'Bài ba', 'Ba.')], sink, {
      signal: controller.signal,
      batchMs: 60_000,
    });
    expect(report.cancelled).toBe(true);
    expect(report.imported.map((entry) => entry.title)).toEqual(['Bài một', 'Bài hai']);
    expect(library.list({}).items.map((item) => item.title).sort()).toEqual(['Bài hai', 'Bài một']);
  });
});

describe('a batch the sink could not commit', () => {
  it('is committed again article by article, so each file is reported for what happened to it', async () => {
    const sink = new MemorySink();
    sink.failOnTitle = 'Bài hỏng';
    let batches = 0;
    const failingBatches: ImportSink = {
      addArticle: (draft) => sink.addArticle(draft),
      restoreArticle: (record) => sink.restoreArticle(record),
      // Writes its articles, then loses them all, as SQLite does when the disk fills at commit.
      importBatch: (work) => {
        batches++;
        const saved = new Map(sink.articles);
        work((write) => write());
        sink.articles.clear();
        for (const [id, draft] of saved) sink.articles.set(id, draft);
        throw new Error('database or disk is full');
      },
    };
    const report = await runImport([txt('a.txt', 'Bài một', 'Một.'), txt('b.txt', 'Bài hỏng', 'Hỏng.'), txt('c.txt', 'Bài ba', 'Ba.')], failingBatches, {
      batchMs: 60_000,
    });
    expect(batches).toBe(1);
    expect(report.imported.map((entry) => entry.title)).toEqual(['Bài một', 'Bài ba']);
    expect(report.failed.map((entry) => entry.path)).toEqual(['b.txt']);
    expect([...sink.articles.values()].map((draft) => draft.title)).toEqual(['Bài một', 'Bài ba']);
  });
});

describe('a kill -9 inside a batch', () => {
  it('keeps the committed batches whole and nothing of the open one', async () => {
    const folder = temporaryFolder();
    try {
      const input = join(folder.dir, 'input');
      mkdirSync(input);
      for (let i = 0; i < 20; i++) writeFileSync(join(input, `bai-${String(i).padStart(2, '0')}.txt`), `Bài số ${i}\n\nNội dung riêng của bài số ${i}, từ khoá dauvet${i}x.`);
      const libraryDir = join(folder.dir, 'library');
      const child = spawn(join(repo, 'node_modules/.bin/node'), [join(repo, 'test/unit/importers/import-crash-child.ts'), libraryDir, input], {
        cwd: repo,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, killedBy) => resolve(killedBy)));
      expect(signal).toBe('SIGKILL');
      expect(stdout.trim().split('\n')).toEqual(['committed 0', 'committed 5', 'committed 10']);
      expect(integrityCheck(libraryDir)).toBe('ok');
      const library = Library.open(libraryDir);
      try {
        expect(library.list({ sort: 'title' }).items.map((item) => item.title).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `Bài số ${i}`).sort());
        expect(halfWritten(library)).toBe(0);
      } finally {
        library.close();
      }
    } finally {
      folder.remove();
    }
  }, 60_000);
});
