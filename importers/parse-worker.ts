// Entry of a parse worker thread. Every worker loads jsdom, linkedom, Readability, marked and feedsmith
// afresh; Node's on-disk compile cache, switched on before they load, spares recompiling them each time.
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./parse-worker-loop.ts');
