import { afterEach, describe, expect, it } from 'vitest';
import type { CommandArgs, CommandName, CommandResult, SavedSearch } from '../../../contract/index.ts';
import { BulkSelection, type SelectionScope } from '../../../renderer/state/bulk-selection.ts';
import type { CommandClient } from '../../../renderer/state/client-port.ts';
import { Notices } from '../../../renderer/state/notices.ts';
import { SavedSearches, showsSavedSearch } from '../../../renderer/state/saved-searches.ts';

/** Records every call and answers from `answers`. */
function recordingClient(answers: Partial<{ [N in CommandName]: (args: CommandArgs<N>) => CommandResult<N> }>) {
  const calls: { name: CommandName; args: unknown }[] = [];
  const client: CommandClient = {
    call: async <N extends CommandName>(name: N, args: CommandArgs<N>) => {
      calls.push({ name, args });
      const answer = answers[name] as ((a: CommandArgs<N>) => CommandResult<N>) | undefined;
      if (!answer) throw new Error(`unexpected ${name}`);
      return answer(args);
    },
  };
  return { client, calls };
}

const SHOWN = ['a', 'b', 'c', 'd', 'e', 'f'];
const LIST: SelectionScope = { list: { view: 'unread', source: 'VnExpress' } };

describe('BulkSelection', () => {
  const notices = new Notices();
  let selection: BulkSelection | undefined;
  afterEach(() => selection?.dispose());

  it('toggles, extends a range from the last row picked, and sends the picked ids', async () => {
    const { client, calls } = recordingClient({ 'library.bulk': () => ({ action: 'star', count: 4, matched: 4, undoToken: 't1' }) });
    selection = new BulkSelection(client, notices);
    selection.toggle('b', SHOWN);
    selection.extend('e', SHOWN);
    selection.toggle('c', SHOWN);
    expect([...selection.picked].sort()).toEqual(['b', 'd', 'e']);
    expect(selection.isPicked('d')).toBe(true);
    expect(selection.isPicked('c')).toBe(false);
    await selection.run({ kind: 'star' }, LIST);
    expect(calls).toEqual([{ name: 'library.bulk', args: { action: { kind: 'star' }, target: { ids: ['b', 'd', 'e'] } } }]);
    expect(selection.active).toBe(false);
    expect(selection.outcome).toMatchObject({ action: 'star', count: 4, token: 't1', undone: false });
  });

  it('select all sends the scope as a query, however many it matches; undo sends the token once', async () => {
    const { client, calls } = recordingClient({
      'library.bulk': () => ({ action: 'archive', count: 9000, matched: 9000, undoToken: 'tok' }),
      'library.bulkUndo': () => ({ action: 'archive', count: 9000 }),
    });
    selection = new BulkSelection(client, notices);
    selection.toggle('a', SHOWN);
    selection.selectAll();
    expect(selection.count(9000)).toBe(9000);
    await selection.run({ kind: 'archive' }, LIST);
    expect(calls[0]).toEqual({ name: 'library.bulk', args: { action: { kind: 'archive' }, target: LIST } });
    await selection.undo();
    await selection.undo();
    expect(calls.slice(1)).toEqual([{ name: 'library.bulkUndo', args: { token: 'tok' } }]);
    expect(selection.outcome).toMatchObject({ count: 9000, undone: true, token: null });
  });

  it('a selection is dropped when the list shows something else', () => {
    selection = new BulkSelection(recordingClient({}).client, notices);
    selection.scopeChanged(LIST);
    selection.toggle('a', SHOWN);
    selection.scopeChanged({ list: { view: 'unread', source: 'VnExpress' } });
    expect(selection.active).toBe(true);
    selection.scopeChanged({ search: { query: 'bão' } });
    expect(selection.active).toBe(false);
  });
});

describe('SavedSearches', () => {
  const search = (id: string, newCount: number): SavedSearch => ({
    id,
    name: id,
    query: 'bão',
    filters: {},
    notify: true,
    position: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    lastOpenedAt: '2026-01-01T00:00:00.000Z',
    newCount,
  });

  it('takes the host’s counts and passes on only the rises it announced', async () => {
    const { client } = recordingClient({ 'watch.list': () => [search('w1', 0), search('w2', 3)] });
    const watch = new SavedSearches(client, new Notices());
    await watch.load();
    const risen: string[] = [];
    watch.countsChanged({ counts: [{ id: 'w1', newCount: 2 }, { id: 'w2', newCount: 3 }], risen: [{ id: 'w1', name: 'w1', newCount: 2 }] }, (rise) => risen.push(rise.id));
    expect(watch.items.map((item) => item.newCount)).toEqual([2, 3]);
    expect(risen).toEqual(['w1']);
  });

  it('knows the search shown is the saved one whatever the order of its filters', () => {
    const saved = { query: 'bão', filters: { source: 'VnExpress', unread: true } };
    expect(showsSavedSearch(saved, 'bão', { unread: true, source: 'VnExpress' })).toBe(true);
    expect(showsSavedSearch(saved, 'bão', { source: 'VnExpress' })).toBe(false);
    expect(showsSavedSearch(saved, 'lũ', { unread: true, source: 'VnExpress' })).toBe(false);
  });
});
