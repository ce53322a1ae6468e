import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOTICE_MS, Notices } from '../../../renderer/state/notices.ts';
import { SETTINGS_SAVE_MS, SettingsModel } from '../../../renderer/state/settings-model.ts';
import { HostClient, settle } from './host-client.ts';

describe('SettingsModel', () => {
  let client: HostClient;
  let notices: Notices;
  let model: SettingsModel;

  beforeEach(async () => {
    client = await HostClient.open();
    notices = new Notices();
    model = new SettingsModel(client, notices);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });

  afterEach(async () => {
    vi.useRealTimers();
    notices.dispose();
    await client.close();
  });

  it('applies a burst of changes at once and saves them together once they rest', async () => {
    await model.load();
    model.update({ fontSize: 20 });
    model.resizePane('list', 420);
    model.update({ fontSize: 22 });
    expect(model.settings.fontSize).toBe(22);
    expect(model.settings.paneSizes.list).toBe(420);
    expect(client.callsOf('settings.update')).toEqual([]);
    vi.advanceTimersByTime(SETTINGS_SAVE_MS);
    await settle();
    expect(client.callsOf('settings.update')).toEqual([{ patch: { fontSize: 22, paneSizes: { ...model.settings.paneSizes, list: 420 } } }]);
    expect(await client.call('settings.get', {})).toMatchObject({ fontSize: 22, paneSizes: { list: 420 } });
  });

  it('saves what is pending at once when asked (the page going away), and nothing twice', async () => {
    model.update({ theme: 'dark' });
    model.save();
    vi.advanceTimersByTime(SETTINGS_SAVE_MS);
    await settle();
    expect(client.callsOf('settings.update')).toEqual([{ patch: { theme: 'dark' } }]);
    model.save();
    expect(client.callsOf('settings.update')).toHaveLength(1);
  });

  it('a setting the host refuses is shown as a failure', async () => {
    model.update({ fontSize: 1000 });
    model.save();
    await settle();
    expect(notices.failure).toMatchObject({ kind: 'command' });
  });
});

describe('Notices', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('a confirmation goes away by itself after NOTICE_MS', () => {
    const notices = new Notices();
    notices.say({ kind: 'quote-copied' });
    vi.advanceTimersByTime(NOTICE_MS - 1);
    expect(notices.notice).toEqual({ kind: 'quote-copied' });
    vi.advanceTimersByTime(1);
    expect(notices.notice).toBeNull();
  });

  it('an offer to undo replaces the confirmation and stays until dismissed or replaced', () => {
    const notices = new Notices();
    notices.say({ kind: 'quote-copied' });
    const annotation = { id: 'a' } as never;
    notices.offerUndo({ kind: 'deleted', annotation });
    vi.advanceTimersByTime(NOTICE_MS * 2);
    expect(notices.notice).toBeNull();
    expect(notices.undo?.kind).toBe('deleted');
    notices.say({ kind: 'undone' });
    expect(notices.undo).toBeNull();
  });

  it('a failed command is kept with the host’s words until dismissed, and the work resolves to undefined', async () => {
    const notices = new Notices();
    let changes = 0;
    notices.subscribe(() => changes++);
    expect(await notices.attempt(() => Promise.reject(new Error('library is locked')))).toBeUndefined();
    expect(notices.failureDetail).toBe('library is locked');
    expect(changes).toBe(1);
    notices.fail({ kind: 'clipboard' });
    expect(notices.failureDetail).toBe('');
    notices.dismissFailure();
    expect(notices.failure).toBeNull();
    expect(await notices.attempt(() => Promise.resolve(7))).toBe(7);
  });
});
