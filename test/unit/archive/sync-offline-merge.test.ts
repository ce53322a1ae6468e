// One reporter edits the same annotation on two laptops while offline; after both sync, both hold
// the same merge (last writer wins per field) and every replaced note text is in the history.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { syncArchive } from '../../../archive/archive-sync.ts';
import { postgresUnavailableReason } from '../../../bench/postgres-cluster.ts';
import { draft, useSyncHarness, type Laptop } from './sync-fixtures.ts';

const unavailable = postgresUnavailableReason();

function notesIn(laptop: Laptop, id: string): string[] {
  return laptop.local.noteHistory(id).map((version) => version.note).sort();
}

describe.skipIf(unavailable)('offline edits on two machines', () => {
  const harness = useSyncHarness();

  it.each([
    ['the later edit syncs first', true],
    ['the earlier edit syncs first', false],
  ])('merges field by field and loses no note text when %s', async (_, laterFirst) => {
    const database = await harness.archive({ alice: ['thoi-su'] });
    const first = await harness.laptop(database, 'alice');
    const second = await harness.laptop(database, 'alice');
    const { id: articleId } = first.library.addArticle(draft());
    const mark = first.library.annotations.create({ articleId, start: 0, end: 7, color: 'yellow', note: 'Ghi chú gốc' });
    await syncArchive(first.db, first.local);
    await syncArchive(second.db, second.local);
    expect(second.library.annotations.list({}).map((a) => [a.id, a.note, a.foreign ?? false])).toEqual([[mark.id, 'Ghi chú gốc', false]]);

    // Offline: each machine adds its own article, and both edit the mark (the second one later).
    const onFirst = first.library.addArticle(draft({ title: 'Bài máy 1', body: 'Chỉ có trên máy một.' })).id;
    const onSecond = second.library.addArticle(draft({ title: 'Bài máy 2', body: 'Chỉ có trên máy hai.' })).id;
    first.library.annotations.update(mark.id, { note: 'Bản máy 1', color: 'green' });
    await sleep(5); // the second edit is written later by the clock, as last-writer-wins compares
    second.library.annotations.update(mark.id, { note: 'Bản máy 2' });

    const [early, late] = laterFirst ? [second, first] : [first, second];
    await syncArchive(early.db, early.local);
    await syncArchive(late.db, late.local);
    await syncArchive(early.db, early.local);

    for (const laptop of [first, second]) {
      const [merged] = laptop.library.annotations.list({}).filter((a) => a.id === mark.id);
      expect(merged).toMatchObject({ note: 'Bản máy 2', color: 'green', author: 'alice' });
      expect(notesIn(laptop, mark.id)).toEqual(['Bản máy 1', 'Ghi chú gốc']);
      expect(laptop.library.list({}).items.map((item) => item.title).sort()).toEqual(['Bài máy 1', 'Bài máy 2', 'Nối lại đàm phán ngừng bắn']);
      expect(laptop.local.pendingCount()).toBe(0);
    }
    expect(harness.cluster().psql(`SELECT string_agg(note, '|' ORDER BY note) FROM annotation_note_history`, database).trim()).toBe('Bản máy 1|Ghi chú gốc');
    expect(harness.cluster().psql(`SELECT note || ',' || color FROM annotations`, database).trim()).toBe('Bản máy 2,green');
    expect(first.local.archiveIdOf(onFirst)).toBe(second.local.archiveIdOf(second.local.localIdOf(first.local.archiveIdOf(onFirst)!)!));
    expect(second.local.localIdOf(first.local.archiveIdOf(onFirst)!)).not.toBeNull();
    expect(first.local.localIdOf(second.local.archiveIdOf(onSecond)!)).not.toBeNull();
  });
});
