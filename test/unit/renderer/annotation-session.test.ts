import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppState } from '../../../renderer/state/app-state.ts';
import { draft } from '../library/library-fixtures.ts';
import { HostClient, settle } from './host-client.ts';

// The annotation session against a real host: what it changes is in the library afterwards, and what
// it offers to undo really comes back.
describe('AnnotationSession', () => {
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

  it('creates a highlight, shows it at once, and opens its note editor with the panel when asked', async () => {
    state.annotations.panelChoice = false;
    await state.annotations.create({ start: 0, end: 7, color: 'green', withNote: true });
    const [created] = stored();
    expect(created?.color).toBe('green');
    expect(state.reading.annotations.map((a) => a.id)).toEqual([created?.id]);
    expect(state.annotations.activeId).toBe(created?.id);
    expect(state.annotations.editingId).toBe(created?.id);
    expect(state.annotations.panelOpen).toBe(true);
  });

  it('deletes with an offer to undo, keeps the panel open, and undo brings the annotation back', async () => {
    await state.annotations.create({ start: 0, end: 7, color: 'yellow', withNote: false });
    const created = stored()[0]!;
    await state.annotations.delete(created.id);
    expect(stored()).toEqual([]);
    expect(state.reading.annotations).toEqual([]);
    expect(state.annotations.panelOpen).toBe(true);
    expect(state.notices.undo).toMatchObject({ kind: 'deleted', annotation: { id: created.id } });
    await state.annotations.undo();
    expect(stored().map((a) => a.id)).toEqual([created.id]);
    expect(state.reading.annotations.map((a) => a.id)).toEqual([created.id]);
    expect(state.notices.undo).toBeNull();
    expect(state.notices.notice).toEqual({ kind: 'undone' });
  });

  it('a saved note closes the editor and can be taken back to the note before', async () => {
    await state.annotations.create({ start: 0, end: 7, color: 'yellow', withNote: true });
    const created = stored()[0]!;
    await state.annotations.update({ id: created.id, patch: { note: 'cần kiểm chứng' } });
    expect(stored()[0]?.note).toBe('cần kiểm chứng');
    expect(state.annotations.editingId).toBeNull();
    expect(state.notices.undo?.kind).toBe('note-saved');
    await state.annotations.update({ id: created.id, patch: { color: 'blue' } });
    expect(state.notices.undo).toMatchObject({ kind: 'recolored', annotation: { color: 'yellow', note: 'cần kiểm chứng' } });
    await state.annotations.undo();
    expect(stored()[0]).toMatchObject({ color: 'yellow', note: 'cần kiểm chứng' });
  });

  it('the annotations view lists every highlight by colour, with its article’s title, fetched once', async () => {
    await state.annotations.create({ start: 0, end: 7, color: 'yellow', withNote: false });
    await state.annotations.create({ start: 10, end: 20, color: 'green', withNote: false });
    await state.annotations.openView();
    expect(state.annotations.all).toHaveLength(2);
    expect(state.annotations.articles.get(id)?.title).toBe(draft().title);
    await state.annotations.setFilter('green');
    expect(state.annotations.all.map((a) => a.color)).toEqual(['green']);
    expect(client.callsOf('library.get')).toHaveLength(1);
    state.annotations.forgetArticles([id]);
    expect(state.annotations.articles.has(id)).toBe(false);
  });

  it('only the newest load of the annotations view applies', async () => {
    await state.annotations.create({ start: 0, end: 7, color: 'yellow', withNote: false });
    await state.annotations.create({ start: 10, end: 20, color: 'green', withNote: false });
    const releaseOldest = client.hold('annotations.list');
    const older = state.annotations.setFilter('yellow');
    await settle();
    client.releaseAll('annotations.list');
    await state.annotations.setFilter('green');
    releaseOldest();
    await older;
    expect(state.annotations.filter).toBe('green');
    expect(state.annotations.all.map((a) => a.color)).toEqual(['green']);
    expect(state.annotations.loadingAll).toBe(false);
  });

  it('renames a colour’s label in the library and says so', async () => {
    await state.annotations.renameColor({ color: 'green', label: 'Số liệu' });
    expect(state.annotations.labels?.green).toBe('Số liệu');
    expect(await client.call('annotations.labels', {})).toMatchObject({ green: 'Số liệu' });
    expect(state.notices.notice).toEqual({ kind: 'label-renamed', label: 'Số liệu' });
  });
});
