import { describe, expect, it } from 'vitest';
import { mergeAnnotation } from '../../../archive/annotation-merge.ts';
import type { SyncedAnnotationFields } from '../../../archive/archive-local-store.ts';

const base: SyncedAnnotationFields = {
  quote: { type: 'TextQuoteSelector', exact: 'đàm phán', prefix: 'lại ', suffix: ' ngừng' },
  position: { type: 'TextPositionSelector', start: 8, end: 16 },
  color: 'yellow',
  colorUpdated: '2026-01-01T08:00:00.000Z',
  note: 'gốc',
  noteUpdated: '2026-01-01T08:00:00.000Z',
  desk: null,
  deskUpdated: '2026-01-01T08:00:00.000Z',
};

describe('mergeAnnotation', () => {
  it('takes a remote annotation this library does not have as it is', () => {
    expect(mergeAnnotation(null, base)).toEqual({ merged: base, history: [] });
  });

  it('keeps the later note and the losing text in history, whichever side wrote last', () => {
    const local = { ...base, note: 'máy 1', noteUpdated: '2026-01-02T08:00:00.000Z' };
    const remote = { ...base, note: 'máy 2', noteUpdated: '2026-01-03T08:00:00.000Z' };
    expect(mergeAnnotation(local, remote)).toMatchObject({
      merged: { note: 'máy 2', noteUpdated: remote.noteUpdated },
      history: [{ note: 'máy 1', writtenAt: local.noteUpdated, replacedAt: remote.noteUpdated }],
    });
    expect(mergeAnnotation(remote, local)).toMatchObject({
      merged: { note: 'máy 2' },
      history: [{ note: 'máy 1', writtenAt: local.noteUpdated, replacedAt: remote.noteUpdated }],
    });
  });

  it('decides each field by its own time: a colour from one machine, the note from the other', () => {
    const local = { ...base, color: 'green' as const, colorUpdated: '2026-01-04T08:00:00.000Z' };
    const remote = { ...base, note: 'mới', noteUpdated: '2026-01-03T08:00:00.000Z', desk: 'thoi-su', deskUpdated: '2026-01-02T00:00:00.000Z' };
    const { merged, history } = mergeAnnotation(local, remote);
    expect(merged).toMatchObject({ color: 'green', note: 'mới', desk: 'thoi-su' });
    expect(history).toEqual([{ note: 'gốc', writtenAt: base.noteUpdated, replacedAt: remote.noteUpdated }]);
  });

  it('writes no history for the same text, nor for an empty note', () => {
    const remote = { ...base, noteUpdated: '2026-01-05T08:00:00.000Z' };
    expect(mergeAnnotation(base, remote).history).toEqual([]);
    expect(mergeAnnotation({ ...base, note: '' }, { ...remote, note: 'mới' }).history).toEqual([]);
  });
});
