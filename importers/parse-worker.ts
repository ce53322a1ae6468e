// Entry of a parse worker thread. Every worker loads linkedom, Readability, sanitize-html, marked and
// feedsmith afresh (jsdom only once a raw snippet needs DOMPurify, html-to-blocks.ts); Node's on-disk
// compile cache, switched on before they load, spares recompiling them each time.
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./parse-worker-loop.ts');
