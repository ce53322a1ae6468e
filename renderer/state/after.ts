// Timers the renderer's state waits on, behind one small type so tests can pass a fake clock.

/** Runs `work` after `ms`; the function returned cancels it. */
export type After = (ms: number, work: () => void) => () => void;

export const afterTimeout: After = (ms, work) => {
  const timer = setTimeout(work, ms);
  return () => clearTimeout(timer);
};
