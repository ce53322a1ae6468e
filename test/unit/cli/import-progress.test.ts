import { describe, expect, it } from 'vitest';
import { followImportProgress, progressLine } from '../../../cli/import-progress.ts';
import { EventBus } from '../../../commands/event-bus.ts';
import type { ImportProgress } from '../../../library/model.ts';

const at = (done: number, secondsLeft: number | null, failures = 0): ImportProgress => ({ jobId: 'j', done, total: 500, current: null, failures, secondsLeft });

describe('CLI import progress', () => {
  it('says how far, how many failed and about how long is left', () => {
    expect(progressLine(at(0, null))).toBe('importing 0/500');
    expect(progressLine(at(120, 42, 3))).toBe('importing 120/500 (3 failed), about 42 s left');
    expect(progressLine(at(20, 605))).toBe('importing 20/500, about 10 min 05 s left');
  });

  it('stays quiet for quick imports, then prints at most one line a second until stopped', () => {
    const events = new EventBus();
    const lines: string[] = [];
    let clock = 0;
    const stop = followImportProgress(events, { write: (line) => lines.push(line), now: () => clock });
    events.emit('import.progress', at(0, null));
    clock = 400;
    events.emit('import.progress', at(10, 20));
    clock = 1100;
    events.emit('import.progress', at(30, 18));
    clock = 1500;
    events.emit('import.progress', at(40, 17));
    clock = 2200;
    events.emit('library.changed', { changed: [], removed: [], generation: 1 });
    events.emit('import.progress', at(60, 15, 1));
    stop();
    clock = 9000;
    events.emit('import.progress', at(500, 0));
    expect(lines).toEqual(['importing 30/500, about 18 s left', 'importing 60/500 (1 failed), about 15 s left']);
  });

  it('prints nothing for an import that ends within the first second', () => {
    const events = new EventBus();
    const lines: string[] = [];
    let clock = 0;
    followImportProgress(events, { write: (line) => lines.push(line), now: () => clock });
    clock = 900;
    events.emit('import.progress', { ...at(500, 0), done: 500 });
    expect(lines).toEqual([]);
  });
});
