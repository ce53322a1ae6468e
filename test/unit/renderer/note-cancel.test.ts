import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppState } from '../../../renderer/state/app-state.ts';
import { draft } from '../library/library-fixtures.ts';
import { HostClient } from './host-client.ts';

// Esc (or "Huỷ") on a brand-new note: the highlight made for it goes, unless a colour was chosen or a
// note was written; an older highlight whose note editor is cancelled always stays.
describe('AnnotationSession.cancelEdit', () => {
  let client: HostClient;
  let state: AppState;
  let id: string;

  beforeEach(async () => {
    client = await HostClient.open();
    id = client.context.library.addArticle(draft()).id;
    state = new AppState(client);
    await state.annotations.loadLabels();
    await state.open(id);
  });

  afterEach(async () => {
    state.notices.dispose();
    await client.close();
  });

  const stored = () => client.context.library.annotations.list({ articleId: id });

  it('removes the highlight of a new note left empty', async () => {
    await state.annotations.create({ start: 0, end: 7, color: 'yellow', withNote: true });
    const created = stored()[0]!;
    await state.annotations.cancelEdit(created.id);
    expect(stored()).toEqual([]);
    expect(state.reading.annotations).toEqual([]);
    expect(state.annotations.editingId).toBeNull();
    expect(state.notices.undo).toBeNull();
  });

  it('keeps it when a colour was chosen while writing', async () => {
    await state.annotations.create({ start: 0, end: 7, color: 'yellow', withNote: true });
    const created = stored()[0]!;
    await state.annotations.update({ id: created.id, patch: { color: 'yellow' } });
    expect(state.annotations.editingId).toBe(created.id);
    await state.annotations.cancelEdit(created.id);
    expect(stored().map((a) => a.id)).toEqual([created.id]);
  });

  it('keeps a highlight made with a colour, and one whose note editor was opened later', async () => {
    await state.annotations.create({ start: 0, end: 7, color: 'green', withNote: false });
    const coloured = stored()[0]!;
    state.annotations.edit(coloured.id);
    await state.annotations.cancelEdit(coloured.id);
    expect(stored().map((a) => a.id)).toEqual([coloured.id]);
    expect(state.annotations.editingId).toBeNull();
  });

  it('keeps a new note’s highlight once its editor was closed by saving', async () => {
    await state.annotations.create({ start: 0, end: 7, color: 'yellow', withNote: true });
    const created = stored()[0]!;
    state.annotations.edit(null);
    await state.annotations.cancelEdit(created.id);
    expect(stored().map((a) => a.id)).toEqual([created.id]);
  });
});
