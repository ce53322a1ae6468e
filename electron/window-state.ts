import { readFileSync, writeFileSync, renameSync } from 'node:fs';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface WorkArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 820 };

/** Saved bounds, kept only if they still overlap a display, so a window never opens off-screen. */
export function restoreBounds(saved: unknown, displays: readonly WorkArea[]): WindowBounds {
  if (!saved || typeof saved !== 'object') return DEFAULT_BOUNDS;
  const b = saved as Partial<Record<'x' | 'y' | 'width' | 'height', unknown>>;
  // Finite only: a hand-edited or corrupt file can hold 1e999, which JSON.parse reads as Infinity.
  if (typeof b.width !== 'number' || typeof b.height !== 'number' || !Number.isFinite(b.width) || !Number.isFinite(b.height)) return DEFAULT_BOUNDS;
  const width = Math.max(480, Math.round(b.width));
  const height = Math.max(360, Math.round(b.height));
  if (typeof b.x !== 'number' || typeof b.y !== 'number') return { width, height };
  const x = b.x;
  const y = b.y;
  const visible = displays.some((d) => x < d.x + d.width - 80 && x + width > d.x + 80 && y >= d.y - 10 && y < d.y + d.height - 80);
  return visible ? { x, y, width, height } : { width, height };
}

export function loadBounds(path: string, displays: readonly WorkArea[]): WindowBounds {
  try {
    return restoreBounds(JSON.parse(readFileSync(path, 'utf8')) as unknown, displays);
  } catch {
    return DEFAULT_BOUNDS;
  }
}

export function saveBounds(path: string, bounds: WindowBounds): void {
  const temp = `${path}.tmp`;
  writeFileSync(temp, JSON.stringify(bounds));
  renameSync(temp, path);
}
