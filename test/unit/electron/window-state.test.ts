import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS, loadBounds, restoreBounds, saveBounds, type WorkArea } from '../../../electron/window-state.ts';

const laptop: WorkArea = { x: 0, y: 0, width: 1920, height: 1040 };
// A second monitor to the left of the main one, as Electron reports it (negative x).
const leftMonitor: WorkArea = { x: -2560, y: 0, width: 2560, height: 1400 };

describe('restoreBounds', () => {
  it('falls back to the default size for anything that is not saved bounds', () => {
    for (const saved of [undefined, null, 0, 'bounds', [], {}, { width: 1000 }, { height: 700 }, { width: '1000', height: '700' }]) {
      expect(restoreBounds(saved, [laptop]), JSON.stringify(saved)).toEqual(DEFAULT_BOUNDS);
    }
  });

  it('falls back to the default size for non-finite sizes', () => {
    expect(restoreBounds({ width: Number.NaN, height: 700 }, [laptop])).toEqual(DEFAULT_BOUNDS);
    expect(restoreBounds({ width: 1000, height: Number.POSITIVE_INFINITY }, [laptop])).toEqual(DEFAULT_BOUNDS);
  });

  it('keeps a position that is on a display', () => {
    expect(restoreBounds({ x: 100, y: 50, width: 1200, height: 800 }, [laptop])).toEqual({ x: 100, y: 50, width: 1200, height: 800 });
    expect(restoreBounds({ x: -2000, y: 100, width: 1200, height: 800 }, [laptop, leftMonitor])).toEqual({ x: -2000, y: 100, width: 1200, height: 800 });
  });

  it('drops the position, but keeps the size, when the display it was on is gone', () => {
    expect(restoreBounds({ x: -2000, y: 100, width: 1200, height: 800 }, [laptop])).toEqual({ width: 1200, height: 800 });
    expect(restoreBounds({ x: 100, y: 50, width: 1200, height: 800 }, [])).toEqual({ width: 1200, height: 800 });
  });

  it('drops a position that leaves too little of the window, or its title bar, on screen', () => {
    // Only 40px of the window's right edge would be visible on the left of the display.
    expect(restoreBounds({ x: -1160, y: 100, width: 1200, height: 800 }, [laptop])).not.toHaveProperty('x');
    // The left edge is within 80px of the display's right edge.
    expect(restoreBounds({ x: 1850, y: 100, width: 1200, height: 800 }, [laptop])).not.toHaveProperty('x');
    // The title bar would be above the top of the display, out of reach.
    expect(restoreBounds({ x: 100, y: -200, width: 1200, height: 800 }, [laptop])).not.toHaveProperty('x');
    // The title bar would be at the very bottom of the display.
    expect(restoreBounds({ x: 100, y: 1000, width: 1200, height: 800 }, [laptop])).not.toHaveProperty('x');
    // Just inside those limits the position is kept.
    expect(restoreBounds({ x: -1100, y: 0, width: 1200, height: 800 }, [laptop])).toMatchObject({ x: -1100, y: 0 });
    expect(restoreBounds({ x: 1800, y: 900, width: 1200, height: 800 }, [laptop])).toMatchObject({ x: 1800, y: 900 });
  });

  it('keeps the size only when the position is missing or not a number', () => {
    expect(restoreBounds({ width: 1000, height: 700 }, [laptop])).toEqual({ width: 1000, height: 700 });
    expect(restoreBounds({ x: '10', y: 10, width: 1000, height: 700 }, [laptop])).toEqual({ width: 1000, height: 700 });
    expect(restoreBounds({ x: Number.NaN, y: 10, width: 1000, height: 700 }, [laptop])).toEqual({ width: 1000, height: 700 });
  });

  it('rounds sizes and enforces a usable minimum', () => {
    expect(restoreBounds({ width: 1000.6, height: 700.4 }, [laptop])).toEqual({ width: 1001, height: 700 });
    expect(restoreBounds({ x: 10, y: 10, width: 100, height: 50 }, [laptop])).toEqual({ x: 10, y: 10, width: 480, height: 360 });
    expect(restoreBounds({ width: -500, height: 0 }, [laptop])).toEqual({ width: 480, height: 360 });
  });
});

describe('loadBounds and saveBounds', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nr-window-state-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips bounds through the file and leaves no temporary file behind', async () => {
    const path = join(dir, 'window-state.json');
    saveBounds(path, { x: 40, y: 30, width: 1400, height: 900 });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ x: 40, y: 30, width: 1400, height: 900 });
    expect(loadBounds(path, [laptop])).toEqual({ x: 40, y: 30, width: 1400, height: 900 });
    saveBounds(path, { x: 0, y: 0, width: 900, height: 600 });
    expect(loadBounds(path, [laptop])).toEqual({ x: 0, y: 0, width: 900, height: 600 });
    expect(await readdir(dir)).toEqual(['window-state.json']);
  });

  it('applies the display check to what it loads', () => {
    const path = join(dir, 'window-state.json');
    saveBounds(path, { x: -2000, y: 100, width: 1200, height: 800 });
    expect(loadBounds(path, [laptop, leftMonitor])).toEqual({ x: -2000, y: 100, width: 1200, height: 800 });
    expect(loadBounds(path, [laptop])).toEqual({ width: 1200, height: 800 });
  });

  it('uses the default size when the file is missing, empty, corrupt or out of range', async () => {
    const path = join(dir, 'window-state.json');
    expect(existsSync(path)).toBe(false);
    expect(loadBounds(path, [laptop])).toEqual(DEFAULT_BOUNDS);
    for (const content of ['', '{"width": 1200, "height"', 'null', '"bounds"', '{"width": 1e999, "height": 800}']) {
      await writeFile(path, content);
      expect(loadBounds(path, [laptop]), content).toEqual(DEFAULT_BOUNDS);
    }
  });
});
