/** The one channel main uses to push contract events to the renderer: (event name, payload). */
export const EVENT_CHANNEL = 'newsroom:event';

/** The origin the renderer is served from inside Electron. */
export const APP_ORIGIN = 'app://bundle';
