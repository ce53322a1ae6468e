import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppInfo, NewsroomBridge } from '../../contract/index.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The Electron binary, or why there is none. Deliberately not `require('electron')`: since Electron 42
 * that downloads the binary on first use, which must not happen inside a test run (or offline at all).
 */
function findElectron(): { path: string } | { missing: string } {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { missing: `${pathFile} does not exist (the binary was never downloaded)` };
  const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist'), readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { missing: `${binary} does not exist (the binary was never downloaded)` };
  return { path: binary };
}

const found = findElectron();
const skipReason =
  'missing' in found
    ? `Electron binary not available: ${found.missing}. Run \`npx install-electron\` where the download is possible.`
    : process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
      ? 'No X11 or Wayland display for the Electron window: run under xvfb-run.'
      : null;

test('the desktop window shows the library folder that app.info returns', async () => {
  // The list reporter does not print skip annotations, so the reason also goes to the test's output.
  if (skipReason) console.log(`skipped: ${skipReason}`);
  test.skip(skipReason !== null, skipReason ?? '');
  const executablePath = 'path' in found ? found.path : '';
  expect(existsSync(join(repoRoot, 'dist/electron/main.js')), 'dist/electron/main.js is missing: run `npm run build` first').toBe(true);

  const libraryDir = await mkdtemp(join(tmpdir(), 'nr-electron-library-'));
  // main.ts puts userData under the per-user config folder; point that at a temp folder so the test
  // neither touches a real profile nor loses the single-instance lock to a running copy of the app.
  const configDir = await mkdtemp(join(tmpdir(), 'nr-electron-config-'));
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
  Object.assign(env, { NEWSROOM_LIBRARY: libraryDir, XDG_CONFIG_HOME: configDir, APPDATA: configDir });
  if (process.platform === 'darwin') env.HOME = configDir;

  const app = await electron.launch({ executablePath, args: ['dist/electron/main.js'], cwd: repoRoot, env });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveURL('app://bundle/index.html');

    // The same command the shell uses, through the preload bridge and IPC, answered by the main process.
    const outcome = await page.evaluate(() => (globalThis as unknown as { newsroom: NewsroomBridge }).newsroom.call('app.info', {}));
    if (!outcome.ok) throw new Error(`app.info was refused over IPC: ${outcome.error.code}: ${outcome.error.message}`);
    const info = outcome.value as AppInfo;
    expect(info.libraryDir).toBe(libraryDir);
    expect(info.runtime).toBe('electron');
    // The window gets only its own commands: a path on this computer is refused, not read.
    const refused = await page.evaluate(() =>
      (globalThis as unknown as { newsroom: NewsroomBridge }).newsroom.call('library.importPaths', { jobId: 'x', paths: ['/etc/passwd'] }),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'unsupported', reason: { kind: 'command.not-allowed' } } });

    await expect(page.getByText(info.libraryDir, { exact: false }).first()).toBeVisible();
    await mkdir('test-results/screenshots', { recursive: true });
    await page.screenshot({ path: 'test-results/screenshots/electron.png', fullPage: true });
  } finally {
    await app.close();
    await rm(libraryDir, { recursive: true, force: true });
    await rm(configDir, { recursive: true, force: true });
  }
});
