// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { OpmlProblemReason } from '../../../contract/index.ts';
import { opmlProblemText, reasonMessage } from '../../../renderer/host-messages.ts';
import { setLocale } from '../../../renderer/localization/app-locale.ts';
import { readOpml } from '../../../sources/opml.ts';
import { useSourceHarness } from './source-harness.ts';

// Each problem of an OPML file carries a reason kind the UI words in its own language; the English
// message stays for the command line.

const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;

const harness = useSourceHarness({ fetchTimeoutMs: 1500 });
afterEach(() => setLocale('vi'));

/** One of each reason; a Record, so a new kind without a sample here fails to compile. */
const REASONS: { [K in OpmlProblemReason['kind']]: Extract<OpmlProblemReason, { kind: K }> } = {
  'not-well-formed': { kind: 'not-well-formed', detail: 'unclosed tag: outline' },
  'not-opml': { kind: 'not-opml' },
  'no-body': { kind: 'no-body' },
  'outline-without-feed': { kind: 'outline-without-feed', label: '' },
  'not-http': { kind: 'not-http', label: 'Tệp', url: 'file:///etc/passwd' },
  'address-not-allowed': { kind: 'address-not-allowed', url: 'http://127.0.0.1:9/rss', host: '127.0.0.1' },
};

const BAD_LINES = [
  '<?xml version="1.0"?>',
  '<opml version="2.0"><body>',
  '  <outline text="Thời sự">',
  '    <outline text="Không có địa chỉ"/>',
  '    <outline text="Tệp" xmlUrl="file:///etc/passwd"/>',
  '    <outline text="Nội bộ" xmlUrl="http://127.0.0.1:9/rss"/>',
  '  </outline>',
  '</body></opml>',
].join('\n');

describe('OPML problems', () => {
  it('are read with their reason kind, beside the English message', () => {
    const { problems } = readOpml(BAD_LINES);
    expect(problems.map((problem) => [problem.line, problem.reason])).toEqual([
      [4, { kind: 'outline-without-feed', label: 'Không có địa chỉ' }],
      [5, { kind: 'not-http', label: 'Tệp', url: 'file:///etc/passwd' }],
    ]);
    expect(problems[1]!.message).toContain('not an http(s) address');
    expect(readOpml('<opml version="2.0"><head/></opml>').problems.map((p) => p.reason.kind)).toEqual(['no-body']);
    expect(readOpml('<opml><body><outline text="A" xmlUrl="https://a.vn/rss">').problems[0]!.reason.kind).toBe('not-well-formed');
  });

  it('imported through serve, say each line in Vietnamese, and in English when the UI is', async () => {
    const result = await harness.context.dispatchFor('serve')('opml.import', { opml: BAD_LINES.replace('<outline text="Tệp"', '<outline text="A" xmlUrl="https://a.example.vn/rss"/><outline text="Tệp"') });
    if (!result.ok) throw new Error(result.error.message);
    const { problems } = result.value as { problems: { line: number; reason: OpmlProblemReason; message: string }[] };
    // A renderer may not subscribe to a local address: that line is a problem too, with its own reason.
    expect(problems.map((problem) => problem.reason.kind)).toEqual(['outline-without-feed', 'not-http', 'address-not-allowed']);
    const vi = problems.map((problem) => opmlProblemText(problem.reason));
    expect(vi[0]).toBe('mục “Không có địa chỉ” không có địa chỉ nguồn (xmlUrl) và không chứa nguồn nào; đã bỏ qua');
    expect(vi[2]).toBe('http://127.0.0.1:9/rss: không được lấy tin từ 127.0.0.1, một địa chỉ trong máy hoặc mạng nội bộ');
    await setLocale('en');
    expect(opmlProblemText(problems[1]!.reason)).toBe('outline “Tệp”: file:///etc/passwd is not an http(s) address; skipped');
  });

  it('every reason is worded in both languages, and an unreadable file names its first problem', async () => {
    for (const reason of Object.values(REASONS)) {
      await setLocale('vi');
      const vi = opmlProblemText(reason);
      await setLocale('en');
      const en = opmlProblemText(reason);
      expect(vi, reason.kind).toMatch(VIETNAMESE);
      expect(en.replace(/Tệp/, ''), reason.kind).not.toMatch(VIETNAMESE);
    }
    await setLocale('vi');
    const refused = await harness.context.dispatchFor('serve')('opml.import', { opml: '<opml version="2.0"><body>\n<outline text="Tệp" xmlUrl="ftp://a.vn/rss"/>\n</body></opml>' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.reason).toMatchObject({ kind: 'opml.unreadable', line: 2, problem: { kind: 'not-http', url: 'ftp://a.vn/rss' } });
    expect(reasonMessage(refused.error.reason!)).toBe('Không đọc được nguồn nào từ tệp OPML (dòng 2: mục “Tệp”: ftp://a.vn/rss không phải địa chỉ http(s); đã bỏ qua).');
  });
});
