// Shared helpers for importer tests: fixture loading, an in-memory sink, block-offset checks.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { AddResult, ArticleDraft, ExportedArticle } from '../../../library/model.ts';
import type { ImportInput, ImportSink, OtherExportRecord, ParsedItem } from '../../../importers/index.ts';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/importers/', import.meta.url));

export function fixtureInput(name: string, origin = `${FIXTURES}${name}`): ImportInput {
  return { name, bytes: new Uint8Array(readFileSync(`${FIXTURES}${name}`)), origin };
}

export function textInput(name: string, text: string, extra: Partial<ImportInput> = {}): ImportInput {
  return { name, bytes: new TextEncoder().encode(text), origin: `/virtual/${name}`, ...extra };
}

export function drafts(items: ParsedItem[]): ArticleDraft[] {
  return items.flatMap((item) => (item.kind === 'draft' ? [item.draft] : []));
}

export function onlyDraft(items: ParsedItem[]): ArticleDraft {
  expect(items).toHaveLength(1);
  expect(items[0]!.kind).toBe('draft');
  return drafts(items)[0]!;
}

/**
 * The text each block covers, with its kind; also checks the invariants every body must hold. Figure
 * blocks hold no text (they sit, empty, where the text before them ends) and are left out of the list.
 */
export function blockTexts(draft: Pick<ArticleDraft, 'body' | 'blocks'>): [string, string][] {
  expect(draft.body).toBe(draft.body.normalize('NFC'));
  expect(draft.body).not.toMatch(/\n{3,}|^\s|\s$|[ \t]{2,}/);
  let previousEnd = -2;
  for (const block of draft.blocks) {
    if (block.kind === 'figure') {
      expect([block.start, block.end]).toEqual([Math.max(previousEnd, 0), Math.max(previousEnd, 0)]);
      continue;
    }
    expect(block.start).toBe(previousEnd + 2);
    expect(block.end).toBeGreaterThan(block.start);
    previousEnd = block.end;
  }
  expect(previousEnd).toBe(draft.body.length);
  return draft.blocks.filter((block) => block.kind !== 'figure').map((block) => [block.kind + (block.level ? block.level : ''), draft.body.slice(block.start, block.end)]);
}

/** A library stand-in: duplicate detection by URL or body, optional failure injection. */
export class MemorySink implements ImportSink {
  readonly articles = new Map<string, ArticleDraft>();
  readonly restored: ExportedArticle[] = [];
  readonly others: OtherExportRecord[] = [];
  failOnTitle: string | null = null;
  onAdd: ((draft: ArticleDraft) => void) | null = null;
  #next = 1;

  addArticle(draft: ArticleDraft): AddResult {
    this.onAdd?.(draft);
    if (draft.title === this.failOnTitle) throw new Error('database is locked');
    for (const [id, existing] of this.articles) {
      if ((draft.url && existing.url === draft.url) || existing.body === draft.body) return { status: 'duplicate', id };
    }
    const id = `a${this.#next++}`;
    this.articles.set(id, draft);
    return { status: 'imported', id };
  }

  restoreArticle(record: ExportedArticle): AddResult {
    this.restored.push(record);
    return { status: 'imported', id: record.id };
  }
}

export class SinkWithOthers extends MemorySink {
  restoreOther(record: OtherExportRecord): AddResult {
    this.others.push(record);
    return { status: 'imported', id: String(record['id']) };
  }
}
