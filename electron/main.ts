// Electron main process: thin glue between Electron and the host-agnostic AppContext.
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, protocol, safeStorage, screen, session, shell, utilityProcess, type MenuItemConstructorOptions, type UtilityProcess } from 'electron';
import { EventEmitter, once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CoreClient, coreWorkerUrl } from '../commands/core-client.ts';
import type { CoreLauncher, CoreProcess, CoreWorkerData, ToCore } from '../commands/core-messages.ts';
import { resolveLibraryDir, userDataDir, usesRememberedLibrary, writeLibraryPointer } from '../commands/library-location.ts';
import { appProtocolResponse } from './app-protocol.ts';
import { commandsFor, type MenuAction, type Settings, type WatchCounts } from '../contract/index.ts';
import { watchNotification } from './watch-notification.ts';
import { archiveLinkDialog } from './archive-link-dialog.ts';
import { APP_ORIGIN, EVENT_CHANNEL } from './ipc-channels.ts';
import { MenuLanguage } from './menu-language.ts';
import type { UiLocale } from './menu-labels.ts';
import { menuTemplate, type MenuEntry } from './menu-template.ts';
import { isAppUrl, isExternalWebUrl } from './navigation-policy.ts';
import { loadBounds, saveBounds } from './window-state.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererRoot = join(here, '..', 'renderer');

/** The core forked as a utility process, with the shape CoreClient expects of a worker thread. */
class UtilityCore extends EventEmitter implements CoreProcess {
  readonly #child: UtilityProcess;
  #exited = false;

  constructor(data: CoreWorkerData) {
    super();
    this.#child = utilityProcess.fork(fileURLToPath(coreWorkerUrl()), [JSON.stringify(data)], { serviceName: 'Newsroom Reader core' });
    this.#child.on('message', (message: unknown) => this.emit('message', message));
    this.#child.on('error', (type, location) => this.emit('error', new Error(`${type} in the core (${location})`)));
    this.#child.on('exit', (code) => {
      this.#exited = true;
      this.emit('exit', code);
    });
  }

  postMessage(message: ToCore): void {
    this.#child.postMessage(message);
  }

  async terminate(): Promise<void> {
    if (this.#exited) return;
    const ended = once(this, 'exit');
    this.#child.kill();
    await ended;
  }
}
const inUtilityProcess: CoreLauncher = (data) => new UtilityCore(data);

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.setPath('userData', userDataDir());

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | null = null;
  let context: CoreClient | null = null;

  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  const send = (action: MenuAction): void => window?.webContents.send(EVENT_CHANNEL, 'menu.action', action);

  const importWithDialog = async (): Promise<void> => {
    if (!window || !context) return;
    const chosen = await dialog.showOpenDialog(window, { properties: ['openFile', 'openDirectory', 'multiSelections'] });
    if (chosen.canceled || chosen.filePaths.length === 0) return;
    await context.dispatch('library.importPaths', { jobId: randomUUID(), paths: chosen.filePaths });
  };

  const toMenuItem = (entry: MenuEntry): MenuItemConstructorOptions => {
    switch (entry.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'role':
        return { role: entry.role, label: entry.label };
      case 'import':
        return { label: entry.label, accelerator: entry.accelerator, click: () => void importWithDialog() };
      case 'about':
        return {
          label: entry.label,
          click: () => void dialog.showMessageBox({ type: 'info', title: entry.label, message: `Newsroom Reader ${app.getVersion()}` }),
        };
      case 'action':
        return { label: entry.label, accelerator: entry.accelerator, click: () => send(entry.action) };
      case 'submenu':
        return { label: entry.label, submenu: entry.entries.map(toMenuItem) };
    }
  };

  const setMenu = (locale: UiLocale): void => {
    const sections = menuTemplate({ devTools: !app.isPackaged, locale });
    Menu.setApplicationMenu(Menu.buildFromTemplate(sections.map((section) => ({ label: section.label, submenu: section.entries.map(toMenuItem) }))));
  };
  // The renderer's navigator.languages comes from app.getLocale(); the menu reads the same source so
  // that 'system' means the same language in both.
  const menuLanguage = new MenuLanguage(() => [app.getLocale()], setMenu);

  const createWindow = (): void => {
    const statePath = join(app.getPath('userData'), 'window-state.json');
    const bounds = loadBounds(statePath, screen.getAllDisplays().map((d) => d.workArea));
    window = new BrowserWindow({
      ...bounds,
      show: false,
      backgroundColor: '#fbfaf7',
      title: 'Newsroom Reader',
      webPreferences: {
        preload: join(here, 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
      },
    });
    window.once('ready-to-show', () => window?.show());
    window.on('close', () => {
      if (window) saveBounds(statePath, window.getNormalBounds());
    });
    window.on('closed', () => (window = null));
    window.webContents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    window.webContents.on('will-attach-webview', (event) => event.preventDefault());
    window.webContents.setWindowOpenHandler(({ url }) => {
      if (isExternalWebUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    void window.loadURL(`${APP_ORIGIN}/index.html`);
  };

  app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    protocol.handle('app', (request) => appProtocolResponse(request.url, rendererRoot, () => context?.info.libraryDir ?? null));
    // The core runs in Electron's utility process (commands/core-worker.ts, the module serve runs in a
    // worker thread), so a long SQLite step, export or library move never freezes menus, IPC or window
    // handling, and a crash of the core cannot take main down. The native dialogs stay here: the core
    // asks for them through its port.
    context = await CoreClient.start({
      launch: inUtilityProcess,
      libraryDir: resolveLibraryDir(undefined, process.env),
      runtime: 'electron',
      // Paths come from the OS dialogs shown here in main, never from the renderer.
      host: {
        chooseBackupFile: async (suggestedName) => {
          const options = {
            defaultPath: join(app.getPath('documents'), suggestedName),
            filters: [{ name: 'SQLite', extensions: ['sqlite'] }],
            // Linux asks about replacing only when told to; macOS and Windows always ask.
            properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
          };
          const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
          return chosen.canceled || !chosen.filePath ? null : { path: chosen.filePath, confirmedOverwrite: true };
        },
        // Only paths the core's original-file store gives (documents.openOriginal), never one from the renderer.
        openPath: (path) => shell.openPath(path),
        chooseLibraryFolder: async () => {
          const options = { properties: ['openDirectory' as const, 'createDirectory' as const, 'promptToCreate' as const] };
          const chosen = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
          return chosen.canceled || chosen.filePaths.length === 0 ? null : chosen.filePaths[0]!;
        },
        // The archive's password, encrypted with the OS keychain; the core keeps only the blob. On Linux
        // without a keyring safeStorage would fall back to a key in the binary ('basic_text'): that is
        // no keychain, so the core keeps the password for this run only instead.
        encryptSecret: async (plain) => {
          if (!safeStorage.isEncryptionAvailable()) return null;
          if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
          return safeStorage.encryptString(plain).toString('base64');
        },
        decryptSecret: async (blob) => safeStorage.decryptString(Buffer.from(blob, 'base64')),
        confirmArchiveLink: async (address, user) => {
          const words = archiveLinkDialog(address, user, menuLanguage.current ?? 'vi');
          const options = { type: 'question' as const, title: words.title, message: words.message, detail: words.detail, buttons: words.buttons, defaultId: 1, cancelId: 1, noLink: true };
          const answer = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
          return answer.response === 0;
        },
      },
      log: (line) => console.error(line),
      onUnexpectedError: (name, error) => console.error(`${name}: ${error}`),
      onLibraryMoved: (libraryDir) => {
        if (usesRememberedLibrary(undefined, process.env)) writeLibraryPointer(libraryDir, process.env);
      },
    });
    const ctx = context;
    const dispatch = ctx.dispatchFor('ipc');
    // Only the commands the contract gives the renderer get a handler; the others do not exist for it.
    for (const name of commandsFor('ipc')) {
      ipcMain.handle(name, async (event, args: unknown) => {
        if (!isAppUrl(event.senderFrame?.url)) {
          return { ok: false, error: { code: 'unsupported', message: 'Refused: the request did not come from the app' } };
        }
        const outcome = await dispatch(name, args);
        menuLanguage.afterCommand(name, outcome);
        return outcome;
      });
    }
    ctx.events.onAny((name, payload) => window?.webContents.send(EVENT_CHANNEL, name, payload));
    // Saved searches that asked to be told of new matches: the OS notification is the host's to show.
    ctx.events.onAny((name, payload) => {
      if (name !== 'watch.counts' || !Notification.isSupported()) return;
      for (const rise of (payload as WatchCounts).risen) new Notification(watchNotification(rise, menuLanguage.current ?? 'vi')).show();
    });
    const saved = await ctx.dispatch('settings.get', {});
    menuLanguage.apply(saved.ok ? (saved.value as Settings).locale : 'system');
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Quitting waits (at most a moment: CoreClient.close bounds it) for the core to cancel imports at a
  // transaction boundary and close the library, then quits for real.
  let coreClosed = false;
  app.on('will-quit', (event) => {
    if (coreClosed || !context) return;
    event.preventDefault();
    coreClosed = true;
    void context.close().finally(() => app.quit());
  });
}
