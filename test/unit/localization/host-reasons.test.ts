// @vitest-environment jsdom
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppContext } from '../../../commands/app-context.ts';
import type { CommandOutcome, FailureReason, ImportFailure, ImportReport } from '../../../contract/index.ts';
import { describeImportFailure } from '../../../importers/import-failure.ts';
import { commandFailureText, importFailureText, reasonMessage } from '../../../renderer/host-messages.ts';
import { setLocale } from '../../../renderer/localization/app-locale.ts';

// The host says why a command or an import failed as data (a reason), and the UI words it in its own
// language. These tests run the host for real, then read its reasons in Vietnamese and in English.

const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;

/** One of each reason; a Record, so adding a kind to the contract without a sample here fails to compile. */
const FAILURE_REASONS: { [K in FailureReason['kind']]: Extract<FailureReason, { kind: K }> } = {
  'move.not-absolute': { kind: 'move.not-absolute' },
  'bulk.undo-expired': { kind: 'bulk.undo-expired' },
  'watch.not-found': { kind: 'watch.not-found', id: 'w1' },
  'watch.exists': { kind: 'watch.exists', name: 'Yagi' },
  'move.same-folder': { kind: 'move.same-folder' },
  'move.inside-library': { kind: 'move.inside-library' },
  'move.not-a-folder': { kind: 'move.not-a-folder', path: '/srv/notes.txt' },
  'move.not-empty': { kind: 'move.not-empty', path: '/srv/full' },
  'move.parent-missing': { kind: 'move.parent-missing', path: '/srv/gone' },
  'move.copy-mismatch': { kind: 'move.copy-mismatch', path: '/srv/copy' },
  'backup.is-folder': { kind: 'backup.is-folder', path: '/srv/backups' },
  'move.cannot-create': { kind: 'move.cannot-create', path: '/proc/khong-the', code: 'ENOENT' },
  'command.not-allowed': { kind: 'command.not-allowed', command: 'library.importPaths' },
  'core.stopped': { kind: 'core.stopped', restarted: true },
  'backup.exists': { kind: 'backup.exists', path: '/srv/backup.sqlite' },
  'backup.live-library': { kind: 'backup.live-library', path: '/srv/lib/library.sqlite' },
  'disk-full': { kind: 'disk-full', folder: '/srv/lib' },
  'library.in-use': { kind: 'library.in-use', folder: '/srv/lib', pid: 4242 },
  'backup.folder-missing': { kind: 'backup.folder-missing', path: '/srv/nowhere' },
  'article.not-found': { kind: 'article.not-found', id: 'a1' },
  'export.unknown-articles': { kind: 'export.unknown-articles' },
  'annotation.article-not-found': { kind: 'annotation.article-not-found' },
  'annotation.not-found': { kind: 'annotation.not-found' },
  'annotation.quote-not-found': { kind: 'annotation.quote-not-found' },
  'annotation.invalid-range': { kind: 'annotation.invalid-range' },
  'annotation.invalid-input': { kind: 'annotation.invalid-input' },
  'source.not-found': { kind: 'source.not-found', id: 's1' },
  'source.exists': { kind: 'source.exists', id: 's1', title: 'Reuters World' },
  'source.unusable': { kind: 'source.unusable', url: 'https://example.vn/', failure: { kind: 'no-feed-found' } },
  'source.empty-folder': { kind: 'source.empty-folder', folder: 'Wire' },
  'opml.unreadable': { kind: 'opml.unreadable', line: 3, detail: 'not well-formed XML: unclosed tag', problem: { kind: 'not-well-formed', detail: 'unclosed tag' } },
  'archive.unreachable': { kind: 'archive.unreachable', detail: 'connect ECONNREFUSED 127.0.0.1:5432' },
  'archive.auth-failed': { kind: 'archive.auth-failed', user: 'lan' },
  'archive.tls': { kind: 'archive.tls', detail: 'The server does not support SSL connections' },
  'archive.not-set-up': { kind: 'archive.not-set-up' },
  'archive.newer-schema': { kind: 'archive.newer-schema', version: 4, known: 2 },
  'archive.not-reporter': { kind: 'archive.not-reporter', user: 'khach' },
  'archive.no-password': { kind: 'archive.no-password', user: 'lan' },
  'archive.failed': { kind: 'archive.failed', detail: 'deadlock detected' },
  'archive.not-linked': { kind: 'archive.not-linked' },
  'archive.pending-changes': { kind: 'archive.pending-changes', pending: 7 },
  'archive.password-in-address': { kind: 'archive.password-in-address', where: 'keychain' },
  'archive.article-not-found': { kind: 'archive.article-not-found', archiveId: '4a0f1b9e-7c1d-4a55-9b1e-2f6f3f1d2c3b' },
  'archive.not-on-desk': { kind: 'archive.not-on-desk', desk: 'Thời sự' },
  'archive.foreign-annotation': { kind: 'archive.foreign-annotation', id: 'n1' },
  'archive.link-unconfirmed': { kind: 'archive.link-unconfirmed', why: 'expired' },
};

const IMPORT_FAILURES: { [K in ImportFailure['kind']]: Extract<ImportFailure, { kind: K }> } = {
  'empty-file': { kind: 'empty-file' },
  'encrypted-document': { kind: 'encrypted-document' },
  'corrupt-document': { kind: 'corrupt-document', format: 'epub' },
  'too-many-pages': { kind: 'too-many-pages', pages: 2000, maxPages: 1000 },
  'unpacks-too-large': { kind: 'unpacks-too-large', maxBytes: 256 * 1024 * 1024 },
  'ocr-model-missing': { kind: 'ocr-model-missing', language: 'vie' },
  'too-large': { kind: 'too-large', maxBytes: 50 * 1024 * 1024 },
  missing: { kind: 'missing' },
  'permission-denied': { kind: 'permission-denied' },
  'folder-without-importable-files': { kind: 'folder-without-importable-files' },
  'unsupported-type': { kind: 'unsupported-type', extension: 'png' },
  'xml-not-a-feed': { kind: 'xml-not-a-feed' },
  'xml-entities': { kind: 'xml-entities' },
  'unrecognised-format': { kind: 'unrecognised-format' },
  binary: { kind: 'binary', cause: 'nul-bytes' },
  'not-utf8': { kind: 'not-utf8' },
  undecodable: { kind: 'undecodable', encoding: 'utf-16le' },
  'uncertain-encoding': { kind: 'uncertain-encoding', candidates: ['tcvn3', 'vni'] },
  'no-text': { kind: 'no-text' },
  'malformed-feed': { kind: 'malformed-feed', detail: 'Unexpected close tag' },
  'feed-without-entries': { kind: 'feed-without-entries' },
  'page-not-a-feed': { kind: 'page-not-a-feed' },
  'no-feed-found': { kind: 'no-feed-found' },
  'feed-entry-without-text': { kind: 'feed-entry-without-text', title: 'Bản tin 6 giờ' },
  'invalid-json': { kind: 'invalid-json', detail: 'Unexpected end of JSON input' },
  'no-records': { kind: 'no-records' },
  'record-too-large': { kind: 'record-too-large', maxBytes: 267 * 1024 * 1024 },
  'unsupported-export-format': { kind: 'unsupported-export-format', format: '"newsroom-reader/9"' },
  'record-without-type': { kind: 'record-without-type' },
  'invalid-record': { kind: 'invalid-record', record: 'article', detail: 'title: Invalid type' },
  'unsupported-record-type': { kind: 'unsupported-record-type', type: 'bookmark' },
  'invalid-url': { kind: 'invalid-url' },
  'not-http': { kind: 'not-http' },
  'not-a-regular-file': { kind: 'not-a-regular-file' },
  'address-not-allowed': { kind: 'address-not-allowed', host: '127.0.0.1' },
  'too-many-redirects': { kind: 'too-many-redirects', max: 5 },
  'disk-full': { kind: 'disk-full' },
  'http-status': { kind: 'http-status', status: 404, statusText: 'Not Found' },
  timeout: { kind: 'timeout', seconds: 20 },
  'fetch-failed': { kind: 'fetch-failed', detail: 'getaddrinfo ENOTFOUND' },
  'no-highlights': { kind: 'no-highlights' },
  'invalid-annotations': { kind: 'invalid-annotations', detail: 'the target has no selector' },
  'save-failed': { kind: 'save-failed', detail: 'database is locked' },
  'too-complex': { kind: 'too-complex', cause: 'nesting', maxDepth: 128 },
  'parse-timed-out': { kind: 'parse-timed-out', seconds: 20 },
  'not-an-image': { kind: 'not-an-image', cause: 'not-an-image' },
  'photo-limit': { kind: 'photo-limit', maxPhotos: 30, maxBytes: 40 * 1024 * 1024 },
  'photo-outside-folder': { kind: 'photo-outside-folder' },
  unexpected: { kind: 'unexpected', detail: 'boom' },
};

/** The values a reason carries that the user needs to see (a path, a file type, a status…). */
function shownValues(reason: FailureReason | ImportFailure): string[] {
  switch (reason.kind) {
    case 'unsupported-type':
      return [reason.extension];
    case 'http-status':
      return [String(reason.status)];
    case 'timeout':
    case 'parse-timed-out':
      return [String(reason.seconds)];
    case 'too-complex':
      return reason.cause === 'nesting' ? [String(reason.maxDepth)] : [];
    case 'feed-entry-without-text':
      return reason.title ? [reason.title] : [];
    case 'unsupported-record-type':
      return [reason.type];
    case 'too-large':
      return ['50 MB'];
    case 'address-not-allowed':
      return [reason.host];
    case 'too-many-redirects':
      return [String(reason.max)];
    case 'disk-full':
      return 'folder' in reason ? [reason.folder] : [];
    case 'library.in-use':
      return [reason.folder, String(reason.pid)];
    case 'archive.auth-failed':
    case 'archive.not-reporter':
    case 'archive.no-password':
      return [reason.user];
    case 'archive.newer-schema':
      return [String(reason.version), String(reason.known)];
    case 'archive.pending-changes':
      return [String(reason.pending)];
    case 'archive.not-on-desk':
      return [reason.desk];
    default:
      return 'path' in reason ? [reason.path] : [];
  }
}

function inBothLanguages(text: () => string): Promise<{ vi: string; en: string }> {
  return (async () => {
    await setLocale('vi');
    const vi = text();
    await setLocale('en');
    const en = text();
    await setLocale('vi');
    return { vi, en };
  })();
}

afterEach(() => setLocale('vi'));

describe('reasons for refused commands, in the UI’s language', () => {
  it.each(Object.values(FAILURE_REASONS))('$kind', async (reason) => {
    const { vi, en } = await inBothLanguages(() => reasonMessage(reason) ?? '');
    expect(vi).toMatch(VIETNAMESE);
    expect(en).toMatch(/\S/);
    // A value the reason carries (a path, a desk's name) may itself be Vietnamese; the words around it may not.
    const words = shownValues(reason).reduce((text, value) => text.split(value).join(''), en.replace(/\/srv\/\S*/g, ''));
    expect(words).not.toMatch(VIETNAMESE);
    expect(en).not.toBe(vi);
    for (const value of shownValues(reason)) {
      expect(vi).toContain(value);
      expect(en).toContain(value);
    }
  });

  it('falls back to the error code’s meaning without a reason, or with one from a newer host', async () => {
    expect(commandFailureText({ code: 'not-found' })).toBe('Không tìm thấy mục này; có thể nó vừa bị xoá.');
    const future = { kind: 'move.disk-full' } as unknown as FailureReason;
    expect(reasonMessage(future)).toBeUndefined();
    expect(commandFailureText({ code: 'failed', reason: future })).toBe('Thao tác không thành công. Hãy thử lại.');
    await setLocale('en');
    expect(commandFailureText({ code: 'failed', reason: future })).toBe('The operation failed. Please try again.');
  });
});

describe('reasons for files that were not imported, in the UI’s language', () => {
  it.each(Object.values(IMPORT_FAILURES))('$kind', async (reason) => {
    const { vi, en } = await inBothLanguages(() => importFailureText(reason));
    expect(vi).toMatch(VIETNAMESE);
    expect(en.replace(/Bản tin 6 giờ/, '')).not.toMatch(VIETNAMESE);
    expect(en).not.toBe(vi);
    for (const value of shownValues(reason)) {
      expect(vi).toContain(value);
      expect(en).toContain(value);
    }
    // The host's English stays available for the tooltip and the CLI.
    expect(describeImportFailure(reason)).toMatch(/\S/);
  });

  it('says something general, still translated, for a reason it does not know', async () => {
    const future = { kind: 'encrypted' } as unknown as ImportFailure;
    expect(await inBothLanguages(() => importFailureText(future))).toEqual({ vi: 'không nhập được', en: 'could not be imported' });
    expect(importFailureText(undefined)).toBe('không nhập được');
  });
});

describe('the host gives these reasons', () => {
  let root: string;
  let context: AppContext;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'nr-reasons-'));
    context = await AppContext.open({ libraryDir: join(root, 'library'), runtime: 'browser' });
  });

  afterAll(async () => {
    await context.close();
  });

  const refusal = (outcome: CommandOutcome<unknown>): { code: string; message: string; reason?: FailureReason } => {
    if (outcome.ok) throw new Error('the command was expected to be refused');
    return outcome.error;
  };

  it('refuses to move the library into a folder that is not empty, naming the folder', async () => {
    const full = join(root, 'full');
    await mkdir(full);
    await writeFile(join(full, 'notes.txt'), 'đừng ghi đè');
    const error = refusal(await context.dispatch('library.move', { path: full }));
    expect(error).toMatchObject({ code: 'invalid-arguments', reason: { kind: 'move.not-empty', path: full } });
    // The CLI's English is unchanged…
    expect(error.message).toBe(`${full} is not empty; choose an empty or new folder.`);
    // …and the UI says it in Vietnamese or English, with the folder.
    expect(commandFailureText(error as Parameters<typeof commandFailureText>[0])).toBe(`Thư mục ${full} không trống; hãy chọn một thư mục trống hoặc chưa có.`);
    await setLocale('en');
    expect(commandFailureText(error as Parameters<typeof commandFailureText>[0])).toBe(`The folder ${full} is not empty; choose an empty or new folder.`);
  });

  it('gives reasons for the other refusals of a move, a backup, a lookup and an annotation', async () => {
    const reasonOf = async (name: string, args: unknown): Promise<FailureReason | undefined> => refusal(await context.dispatch(name, args)).reason;
    expect(await reasonOf('library.move', { path: 'relative/folder' })).toEqual({ kind: 'move.not-absolute' });
    expect(await reasonOf('library.move', { path: context.library.dir })).toEqual({ kind: 'move.same-folder' });
    expect(await reasonOf('library.move', { path: join(context.library.dir, 'inner') })).toEqual({ kind: 'move.inside-library' });
    expect(await reasonOf('library.move', { path: join(root, 'full', 'notes.txt') })).toEqual({ kind: 'move.not-a-folder', path: join(root, 'full', 'notes.txt') });
    expect(await reasonOf('library.move', { path: join(root, 'no', 'such', 'place') })).toEqual({ kind: 'move.parent-missing', path: join(root, 'no', 'such') });
    expect(await reasonOf('library.backup', { path: root })).toEqual({ kind: 'backup.is-folder', path: root });
    expect(await reasonOf('library.backup', { path: join(root, 'missing', 'b.sqlite') })).toEqual({ kind: 'backup.folder-missing', path: join(root, 'missing') });
    expect(await reasonOf('library.get', { id: 'nope' })).toEqual({ kind: 'article.not-found', id: 'nope' });
    expect(await reasonOf('library.export', { ids: ['nope'] })).toEqual({ kind: 'export.unknown-articles' });
    expect(await reasonOf('annotations.create', { articleId: 'nope', start: 0, end: 1 })).toEqual({ kind: 'annotation.article-not-found' });
    expect(await reasonOf('annotations.export', { articleId: 'nope', format: 'md' })).toEqual({ kind: 'article.not-found', id: 'nope' });
    expect(await reasonOf('annotations.export', { articleId: 'nope', format: 'jsonld' })).toEqual({ kind: 'article.not-found', id: 'nope' });
  });

  it('reports each file that failed to import with its reason', async () => {
    const text = Buffer.from('Giá xăng tăng\n\nGiá xăng tăng lần thứ ba liên tiếp.').toString('base64');
    const report = (await context.dispatch('library.importFiles', {
      jobId: 'reasons-1',
      files: [
        { name: 'ok.txt', base64: text },
        { name: 'empty.txt', base64: '' },
        { name: 'clip.gif', base64: Buffer.from('GIF89a', 'latin1').toString('base64') },
      ],
    })) as CommandOutcome<ImportReport>;
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value.failed).toEqual([
      { path: 'empty.txt', error: 'empty file', reason: { kind: 'empty-file' } },
      { path: 'clip.gif', error: 'unsupported file type ".gif"', reason: { kind: 'unsupported-type', extension: 'gif' } },
    ]);
    const annotation = await context.dispatch('annotations.create', { articleId: report.value.imported[0]!.id, quote: 'không có trong bài' });
    expect(refusal(annotation).reason).toEqual({ kind: 'annotation.quote-not-found' });
    expect(report.value.failed.map((f) => importFailureText(f.reason))).toEqual(['tệp rỗng', 'chưa hỗ trợ loại tệp .gif']);
  });
});
