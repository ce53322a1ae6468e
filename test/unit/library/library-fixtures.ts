import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach } from 'vitest';
import { Library, type ArticleDraft, type Block } from '../../../library/index.ts';

export function draft(overrides: Partial<ArticleDraft> = {}): ArticleDraft {
  const body = overrides.body ?? 'Hai bên nối lại đàm phán ngừng bắn tại Doha.\n\nThủ tướng Qatar cho biết 30.410 người đã được sơ tán.';
  return {
    title: 'Nối lại đàm phán ngừng bắn',
    author: 'Minh Anh',
    source: 'VnExpress',
    url: null,
    language: 'vi',
    publishedAt: '2024-03-04T08:00:00.000Z',
    body,
    blocks: paragraphBlocks(body),
    origin: 'test.txt',
    tags: [],
    ...overrides,
  };
}

export function paragraphBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  for (const paragraph of body.split('\n\n')) {
    blocks.push({ kind: 'paragraph', start, end: start + paragraph.length });
    start += paragraph.length + 2;
  }
  return blocks;
}

/**
 * A fresh library in its own folder before each test of the calling file, closed and removed after
 * it; `use` receives each one (tests keep them in their own variables).
 */
export function freshLibraryEachTest(use: (library: Library, dir: string) => void): void {
  let opened: { library: Library; folder: { dir: string; remove: () => void } } | null = null;
  beforeEach(() => {
    const folder = temporaryFolder();
    opened = { library: Library.open(folder.dir), folder };
    use(opened.library, folder.dir);
  });
  afterEach(() => {
    opened?.library.close();
    opened?.folder.remove();
    opened = null;
  });
}

/** A fresh library folder per test, removed afterwards. */
export function temporaryFolder(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'nr-library-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** SQLite's own verdict on a library folder's database ('ok' when whole), read without writing to it. */
export function integrityCheck(libraryDir: string): string {
  const db = new DatabaseSync(join(libraryDir, 'library.sqlite'), { readOnly: true });
  try {
    return (db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check;
  } finally {
    db.close();
  }
}
