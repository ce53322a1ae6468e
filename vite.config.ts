import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The renderer is served from app:// in Electron and from http://127.0.0.1 by `serve`,
// so every URL in the bundle is relative.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  publicDir: fileURLToPath(new URL('./assets/public', import.meta.url)),
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: true,
    // Fonts must be files so the strict CSP and offline use never depend on data: URLs.
    assetsInlineLimit: 0,
  },
});
