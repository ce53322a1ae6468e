import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArchiveHit, ArchiveLinkPreview, ArchiveStatus, CommandArgs, CommandName, CommandResult } from '../../../contract/index.ts';
import { archiveProblemOf } from '../../../renderer/state/archive-model.ts';
import { AppState } from '../../../renderer/state/app-state.ts';
import type { CommandClient } from '../../../renderer/state/client-port.ts';
import { draft } from '../library/library-fixtures.ts';
import { HostClient, settle } from './host-client.ts';

// The archive model inside the whole renderer state. Library commands go to a real host over a
// temporary library; the archive commands are answered by `ArchiveHost` below, which plays the part of
// a linked host the way the contract describes it (the real host and archive are exercised end to
// end in test/e2e/archive.spec.ts and test/unit/archive/).

type ArchiveCommand = Extract<CommandName, `archive.${string}`>;
type Answer<N extends ArchiveCommand> = (args: CommandArgs<N>) => CommandResult<N> | Promise<CommandResult<N>>;

const linked = (patch: Partial<ArchiveStatus> = {}): ArchiveStatus => ({
  linked: true,
  address: 'postgres://lan@127.0.0.1:5432/kho',
  user: 'lan',
  reachable: true,
  live: true,
  syncing: false,
  lastSync: '2026-11-27T10:00:00.000Z',
  pending: 0,
  problem: null,
  message: null,
  desks: [{ name: 'Thời sự', members: ['lan', 'minh'] }],
  defaultDesk: null,
  sharedCollections: [],
  passwordSource: 'session',
  ...patch,
});

const PREVIEW: ArchiveLinkPreview = {
  confirmation: 'ok',
  expiresAt: '2026-11-27T10:05:00.000Z',
  address: 'postgres://lan@127.0.0.1:5432/kho',
  host: '127.0.0.1',
  port: 5432,
  database: 'kho',
  user: 'lan',
  tls: true,
  desks: [{ name: 'Thời sự', members: ['lan', 'minh'] }],
};

const unlinked: ArchiveStatus = { ...linked(), linked: false, address: null, user: null, reachable: false, live: false, lastSync: null, desks: [], passwordSource: null };

/** A refusal as NewsroomClient throws it: code, and the reason the host gave. */
const refusal = (code: string, reason?: unknown) => Object.assign(new Error('refused'), { code, ...(reason ? { reason } : {}) });

class ArchiveHost implements CommandClient {
  readonly host: HostClient;
  readonly answers = new Map<ArchiveCommand, Answer<ArchiveCommand>>();

  constructor(host: HostClient) {
    this.host = host;
  }

  answer<N extends ArchiveCommand>(name: N, answer: Answer<N>): void {
    this.answers.set(name, answer as unknown as Answer<ArchiveCommand>);
  }

  async call<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>> {
    if (!name.startsWith('archive.')) return this.host.call(name, args);
    this.host.calls.push({ name, args });
    const answer = this.answers.get(name as ArchiveCommand);
    if (!answer) throw refusal('unsupported');
    return (await answer(args as CommandArgs<ArchiveCommand>)) as CommandResult<N>;
  }
}

const hit = (patch: Partial<ArchiveHit> = {}): ArchiveHit => ({
  archiveId: '8f7c1a52-6a0e-4d7b-9a57-0c2f3b1e9d11',
  title: 'Đàm phán thương mại',
  source: 'Báo Mẫu',
  author: null,
  url: 'https://example.vn/dam-phan',
  publishedAt: null,
  score: 1,
  snippet: { text: 'Vòng đàm phán mới', matches: [{ start: 4, end: 12 }] },
  localId: null,
  addedBy: ['minh'],
  desks: ['Thời sự'],
  ...patch,
});

describe('ArchiveModel', () => {
  let host: HostClient;
  let client: ArchiveHost;
  let state: AppState;

  beforeEach(async () => {
    host = await HostClient.open();
    client = new ArchiveHost(host);
    state = new AppState(client);
  });

  afterEach(async () => {
    state.notices.dispose();
    await host.close();
  });

  it('stays hidden and silent on a host without an archive', async () => {
    await state.archive.load();
    expect(state.archive.available).toBe(false);
    expect(state.notices.failure).toBeNull();
  });

  it('shows the status it reads, and the host’s status events replace an older answer still on its way', async () => {
    client.answer('archive.status', () => unlinked);
    const release = host.hold('archive.status');
    const loading = state.archive.load();
    await settle();
    state.archive.statusChanged(linked({ pending: 3 }));
    release();
    await loading;
    expect(state.archive.available).toBe(true);
    expect(state.archive.linked).toBe(true);
    expect(state.archive.status?.pending).toBe(3);
    expect(state.archive.desks).toEqual(['Thời sự']);
  });

  it('keeps a refusal of the probe that is an archive problem as data for the settings, and any other as a notice', async () => {
    client.answer('archive.probe', () => {
      throw refusal('failed', { kind: 'archive.auth-failed', user: 'lan' });
    });
    expect(await state.archive.prepareLink({ address: ' postgres://lan@127.0.0.1/kho ', password: 'sai' })).toBe(false);
    expect(state.archive.problem).toEqual({ kind: 'archive.auth-failed', user: 'lan' });
    expect(state.archive.preview).toBeNull();
    expect(state.archive.busy).toBeNull();
    expect(state.notices.failure).toBeNull();
    expect(host.callsOf('archive.probe')).toEqual([{ address: 'postgres://lan@127.0.0.1/kho', password: 'sai' }]);

    client.answer('archive.probe', () => {
      throw refusal('invalid-arguments');
    });
    await state.archive.prepareLink({ address: 'postgres://x/y' });
    expect(state.archive.problem).toBeNull();
    expect(state.notices.failure?.kind).toBe('command');
    expect(host.callsOf('archive.probe')[1]).toEqual({ address: 'postgres://x/y' });
    expect(host.callsOf('archive.connect')).toEqual([]);
  });

  it('links only once the preview is confirmed, with its confirmation, and links nothing when it is cancelled', async () => {
    client.answer('archive.probe', ({ address }) => ({ ...PREVIEW, address, confirmation: `ok-${host.callsOf('archive.probe').length}` }));
    client.answer('archive.connect', () => linked({ reachable: false, problem: { kind: 'archive.unreachable', detail: 'ECONNREFUSED' } }));
    expect(await state.archive.prepareLink({ address: ' postgres://lan@127.0.0.1:5432/kho ', password: 'mat-khau' })).toBe(true);
    expect(state.archive.preview).toMatchObject({ host: '127.0.0.1', user: 'lan', tls: true, desks: PREVIEW.desks });
    expect(host.callsOf('archive.connect')).toEqual([]);
    state.archive.cancelLink();
    expect(state.archive.preview).toBeNull();
    expect(await state.archive.confirmLink()).toBe(false);
    expect(host.callsOf('archive.connect')).toEqual([]);

    await state.archive.prepareLink({ address: 'postgres://lan@127.0.0.1:5432/kho', password: 'mat-khau' });
    expect(await state.archive.confirmLink()).toBe(true);
    expect(host.callsOf('archive.connect')).toEqual([{ address: 'postgres://lan@127.0.0.1:5432/kho', password: 'mat-khau', confirmation: 'ok-2' }]);
    expect(state.archive.preview).toBeNull();
    expect(state.archive.shownProblem).toEqual({ kind: 'archive.unreachable', detail: 'ECONNREFUSED' });
    client.answer('archive.sync', () => ({ pushed: { articles: 1, annotations: 2, shares: 0 }, pulled: { articles: 0, annotations: 1, removed: 0 }, status: linked() }));
    await state.archive.sync();
    expect(state.archive.shownProblem).toBeNull();
    expect(state.archive.lastResult?.pushed.annotations).toBe(2);
  });

  it('says why the host refused a confirmation (expired), and starts again from the first step', async () => {
    client.answer('archive.probe', () => PREVIEW);
    client.answer('archive.connect', () => {
      throw refusal('invalid-arguments', { kind: 'archive.link-unconfirmed', why: 'expired' });
    });
    await state.archive.prepareLink({ address: PREVIEW.address, password: 'mat-khau' });
    expect(await state.archive.confirmLink()).toBe(false);
    expect(state.archive.problem).toEqual({ kind: 'archive.link-unconfirmed', why: 'expired' });
    expect(state.archive.preview).toBeNull();
    expect(state.notices.failure).toBeNull();
  });

  it('asks before a disconnect would drop changes still waiting, and sends discardPending only once told to', async () => {
    state.archive.statusChanged(linked({ pending: 2 }));
    client.answer('archive.disconnect', () => unlinked);
    expect(await state.archive.disconnect()).toBe(false);
    expect(state.archive.refusedWithPending).toBe(2);
    expect(host.callsOf('archive.disconnect')).toEqual([]);
    state.archive.keepLink();
    expect(state.archive.refusedWithPending).toBeNull();
    expect(await state.archive.disconnect(true)).toBe(true);
    expect(host.callsOf('archive.disconnect')).toEqual([{ discardPending: true }]);
    expect(state.archive.linked).toBe(false);
  });

  it('asks the same when the host refuses a disconnect because changes arrived meanwhile', async () => {
    state.archive.statusChanged(linked({ pending: 0 }));
    client.answer('archive.disconnect', () => {
      throw refusal('failed', { kind: 'archive.pending-changes', pending: 4 });
    });
    expect(await state.archive.disconnect()).toBe(false);
    expect(state.archive.refusedWithPending).toBe(4);
    expect(state.archive.problem).toBeNull();
    expect(state.notices.failure).toBeNull();
  });

  it('searches the archive beside local search only when linked and switched on; the newest answer wins', async () => {
    const answers: Record<string, ArchiveHit[]> = { dam: [hit({ title: 'cũ' })], 'dam phan': [hit()] };
    client.answer('archive.search', ({ query }) => ({ query, total: answers[query]?.length ?? 0, tookMs: 1, hits: answers[query] ?? [] }));
    await state.searchFor('dam phan');
    expect(host.callsOf('archive.search')).toEqual([]);
    state.archive.statusChanged(linked());
    await state.archive.setSearchOn(true);
    expect(host.callsOf('archive.search')).toEqual([{ query: 'dam phan', limit: 20 }]);
    expect(state.archive.result?.hits[0]?.title).toBe('Đàm phán thương mại');

    const release = host.hold('archive.search');
    const older = state.searchFor('dam');
    const newer = state.searchFor('dam phan');
    await settle();
    host.releaseAll('archive.search');
    release();
    await Promise.all([older, newer]);
    expect(state.archive.query).toBe('dam phan');
    expect(state.archive.result?.query).toBe('dam phan');
    expect(state.archive.searching).toBe(false);

    state.archive.statusChanged(unlinked);
    expect(state.archive.result).toBeNull();
  });

  it('shows a search that the archive could not answer as an archive problem', async () => {
    state.archive.statusChanged(linked());
    client.answer('archive.search', () => {
      throw refusal('failed', { kind: 'archive.unreachable', detail: 'connect ECONNREFUSED 127.0.0.1:5432' });
    });
    await state.archive.setSearchOn(true);
    await state.searchFor('dam phan');
    expect(state.archive.searchProblem?.kind).toBe('archive.unreachable');
    expect(state.archive.result).toBeNull();
    expect(state.notices.failure).toBeNull();
  });

  it('saves a hit into the library, after which the hit opens the local article', async () => {
    state.archive.statusChanged(linked());
    const localId = host.context.library.addArticle(draft()).id;
    client.answer('archive.search', ({ query }) => ({ query, total: 1, tookMs: 1, hits: [hit()] }));
    client.answer('archive.save', () => ({ id: localId, duplicate: false }));
    await state.archive.setSearchOn(true);
    await state.searchFor('dam phan');
    const saving = state.archive.save(state.archive.result!.hits[0]!);
    expect(state.archive.saving.has(hit().archiveId)).toBe(true);
    expect(await saving).toBe(localId);
    expect(state.archive.saving.size).toBe(0);
    expect(state.archive.result?.hits[0]?.localId).toBe(localId);
    // Saved already: nothing more is asked.
    expect(await state.archive.save(state.archive.result!.hits[0]!)).toBe(localId);
    expect(host.callsOf('archive.save')).toEqual([{ archiveId: hit().archiveId }]);
  });

  it('reads the open article’s annotations and the annotations view again when the archive changed them', async () => {
    const id = host.context.library.addArticle(draft()).id;
    const other = host.context.library.addArticle(draft({ title: 'Bài khác', body: 'Một bài hoàn toàn khác về giá lúa gạo.' })).id;
    await state.open(id);
    await state.annotations.openView();
    expect(state.reading.annotations).toEqual([]);
    // Another reporter's annotation arrives through a pull: the library has it, the renderer is told.
    await host.call('annotations.create', { articleId: id, start: 0, end: 5, color: 'green' });
    const listsBefore = host.callsOf('annotations.list').length;
    await state.archive.annotationsChanged([other]);
    expect(state.reading.annotations).toEqual([]);
    await state.archive.annotationsChanged([id]);
    expect(state.reading.annotations).toHaveLength(1);
    expect(state.annotations.all).toHaveLength(1);
    expect(host.callsOf('annotations.list').length).toBeGreaterThan(listsBefore);
  });

  it('shares my annotations with a desk, never another reporter’s, and shows them again', async () => {
    const id = host.context.library.addArticle(draft()).id;
    await state.open(id);
    await state.annotations.create({ start: 0, end: 5, color: 'yellow', withNote: false });
    const mine = state.reading.annotations[0]!;
    const foreign = { ...mine, id: 'a-foreign', author: 'minh', foreign: true as const };
    client.answer('archive.shareAnnotations', ({ ids }) => ({ updated: ids.length }));
    const lists = host.callsOf('annotations.list').length;
    expect(await state.archive.shareAnnotations([mine, foreign], 'Thời sự')).toBe(1);
    expect(host.callsOf('archive.shareAnnotations')).toEqual([{ ids: [mine.id], desk: 'Thời sự' }]);
    expect(host.callsOf('annotations.list').length).toBe(lists + 1);
    expect(await state.archive.shareAnnotations([foreign], null)).toBe(0);
    expect(host.callsOf('archive.shareAnnotations')).toHaveLength(1);
  });

  it('keeps a note’s older texts once read, and forgets them when the archive changes annotations', async () => {
    state.archive.statusChanged(linked());
    client.answer('archive.noteHistory', () => [{ note: 'bản cũ', writtenAt: '2026-11-27T09:00:00.000Z', replacedAt: '2026-11-27T10:00:00.000Z' }]);
    await state.archive.loadHistory('a1');
    expect(state.archive.histories.get('a1')?.[0]?.note).toBe('bản cũ');
    await state.archive.annotationsChanged([]);
    expect(state.archive.histories.size).toBe(0);
  });

  it('sends the All annotations view’s “by me / by desk” choice to the host with the other filters', async () => {
    await state.annotations.openView();
    await state.annotations.setViewQuery({ by: 'desk', text: 'kiểm chứng' });
    expect(host.callsOf('annotations.list').at(-1)).toEqual({ by: 'desk', text: 'kiểm chứng' });
    await state.annotations.setViewQuery({ by: undefined, text: 'kiểm chứng' });
    expect(host.callsOf('annotations.list').at(-1)).toEqual({ text: 'kiểm chứng' });
  });
});

describe('archiveProblemOf', () => {
  it('reads an archive problem out of a refusal, and nothing else', () => {
    expect(archiveProblemOf(refusal('failed', { kind: 'archive.tls', detail: 'no TLS' }))).toEqual({ kind: 'archive.tls', detail: 'no TLS' });
    expect(archiveProblemOf(refusal('failed', { kind: 'archive.not-on-desk', desk: 'Ảnh' }))).toEqual({ kind: 'archive.not-on-desk', desk: 'Ảnh' });
    expect(archiveProblemOf(refusal('failed', { kind: 'disk-full', folder: '/x' }))).toBeNull();
    expect(archiveProblemOf(new Error('plain'))).toBeNull();
    expect(archiveProblemOf('text')).toBeNull();
  });
});
