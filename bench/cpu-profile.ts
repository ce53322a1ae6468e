// A CPU profile of this thread over one stretch of a bench, written when NEWSROOM_BENCH_PROFILE names a folder.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

/**
 * Starts V8's sampling profiler on this thread when NEWSROOM_BENCH_PROFILE=DIR is set (null otherwise);
 * the function returned stops it and writes DIR/`fileName` (open it in Chrome's DevTools).
 * `samplingIntervalUs` below V8's 1 ms default catches short stretches such as one recount.
 */
export async function startCpuProfile(fileName: string, samplingIntervalUs?: number): Promise<(() => Promise<void>) | null> {
  const dir = process.env.NEWSROOM_BENCH_PROFILE;
  if (!dir) return null;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  if (samplingIntervalUs !== undefined) await session.post('Profiler.setSamplingInterval', { interval: samplingIntervalUs });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(dir, fileName), JSON.stringify(profile));
    session.disconnect();
  };
}
