import { describe, expect, it } from 'vitest';
import type { CommandResult, FullTextMode, SourceInfo } from '../../../contract/index.ts';
import { looksLikeSummary } from '../../../sources/full-text.ts';
import { useSourceHarness } from './source-harness.ts';
import { conditionalFeed, rss, story, type RssItem } from './feed-server.ts';

// Full text: items whose feed carries a summary get their linked page, read by the Readability pipeline.

const harness = useSourceHarness({ fetchTimeoutMs: 1500 });

async function subscribe(path: string, fullText?: FullTextMode): Promise<{ source: SourceInfo; refresh: CommandResult<'sources.refresh'>[number] }> {
  const added = await harness.call('sources.add', { url: harness.server.url(path), ...(fullText ? { fullText } : {}) });
  if (added.status !== 'added') throw new Error('expected one feed');
  return added;
}

const PAGE_TEXT = [
  'Sáng nay, Sở Giao thông Vận tải Hà Nội công bố phương án tổ chức giao thông cho mùa lễ hội cuối năm, với nhiều tuyến phố đi bộ mới quanh hồ Hoàn Kiếm.',
  'Theo phương án này, các tuyến xe buýt nội đô được tăng cường từ sáu giờ sáng đến nửa đêm, và mười hai điểm trông giữ xe mới được mở ở các quận trung tâm.',
  'Đại diện Sở cho biết người dân có thể góp ý trực tuyến đến hết tháng sau, trước khi phương án được trình Ủy ban nhân dân thành phố phê duyệt.',
];

/** A news page: navigation around one article of six paragraphs (about 900 characters), the marker word in its first one. */
function page(marker: string): string {
  const paragraphs = [...PAGE_TEXT, ...PAGE_TEXT.map((text) => `Cập nhật: ${text}`)].map((text, index) => `<p>${index === 0 ? `${marker} ` : ''}${text}</p>`).join('');
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Trang tin</title></head><body>
    <nav><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a></nav>
    <article><h1>Hà Nội mở thêm phố đi bộ</h1>${paragraphs}</article>
    <footer>Bản quyền thuộc về Báo Mẫu</footer></body></html>`;
}

function servePage(path: string, marker: string): void {
  harness.server.routes.set(path, (_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(marker)));
}

function pageRequests(prefix = '/page/'): number {
  return harness.server.requests.filter((request) => request.path.startsWith(prefix)).length;
}

function articleByTitle(title: string) {
  const summary = harness.context.library.list({ view: 'all', limit: 100 }).items.find((a) => a.title === title);
  return summary ? harness.context.library.get(summary.id)! : null;
}

describe('full text', () => {
  it('always: the article gets its linked page’s text, keeps the feed’s link and title, and an unchanged item is not fetched again', async () => {
    servePage('/page/1', 'TOÀNVĂN1');
    let items: RssItem[] = [{ guid: 'a1', title: 'Tin một', link: harness.server.url('/page/1'), body: 'Hà Nội mở thêm phố đi bộ, xe buýt tăng cường…' }];
    harness.server.routes.set('/feed.xml', conditionalFeed(() => rss('Báo Mẫu', items)));
    const { source, refresh } = await subscribe('/feed.xml', 'always');
    expect(source.fullText).toBe('always');
    expect(refresh.fullTextFetched).toBe(1);
    const article = articleByTitle('Tin một')!;
    expect(article.body).toContain('TOÀNVĂN1');
    expect(article.body).toContain('Ủy ban nhân dân thành phố');
    expect(article.body).not.toContain('Bản quyền');
    expect(article.url).toBe(harness.server.url('/page/1'));
    expect(pageRequests()).toBe(1);

    // A new item arrives: only its page is fetched, the first article keeps its full text.
    servePage('/page/2', 'TOÀNVĂN2');
    items = [...items, { guid: 'a2', title: 'Tin hai', link: harness.server.url('/page/2'), body: 'Tóm tắt ngắn của tin hai.' }];
    const [second] = await harness.call('sources.refresh', { id: source.id });
    expect(second!.imported).toBe(1);
    expect(second!.fullTextFetched).toBe(1);
    expect(pageRequests()).toBe(2);
    expect(articleByTitle('Tin một')!.body).toContain('TOÀNVĂN1');
    expect(articleByTitle('Tin hai')!.body).toContain('TOÀNVĂN2');
  });

  it('auto: fetches pages for short or cut-off items only; never: fetches none', async () => {
    servePage('/page/short', 'NGẮN');
    servePage('/page/cut', 'CẮT');
    servePage('/page/long', 'DÀI');
    const long = Array.from({ length: 5 }, (_, n) => story(n)).join(' ');
    expect(long.length).toBeGreaterThan(600);
    const cut = `${long} Đọc tiếp`;
    const items: RssItem[] = [
      { guid: 's', title: 'Ngắn', link: harness.server.url('/page/short'), body: story(1) },
      { guid: 'c', title: 'Cắt', link: harness.server.url('/page/cut'), body: cut },
      { guid: 'l', title: 'Dài', link: harness.server.url('/page/long'), body: long },
    ];
    harness.server.routes.set('/auto.xml', conditionalFeed(() => rss('Tự động', items)));
    const auto = await subscribe('/auto.xml');
    expect(auto.source.fullText).toBe('auto');
    expect(auto.refresh.fullTextFetched).toBe(2);
    expect(articleByTitle('Ngắn')!.body).toContain('NGẮN');
    expect(articleByTitle('Cắt')!.body).toContain('CẮT');
    expect(articleByTitle('Dài')!.body).not.toContain('DÀI');
    expect(harness.server.requests.some((request) => request.path === '/page/long')).toBe(false);

    harness.server.routes.set('/never.xml', conditionalFeed(() => rss('Không bao giờ', [{ guid: 'n', title: 'Tóm tắt', link: harness.server.url('/page/never'), body: story(7) }])));
    servePage('/page/never', 'KHÔNG');
    const never = await subscribe('/never.xml', 'never');
    expect(never.refresh.fullTextFetched + never.refresh.fullTextFailed).toBe(0);
    expect(pageRequests('/page/never')).toBe(0);
  });

  it('a page that fails keeps the feed’s summary, says why, is not fatal, and is tried again on the next refresh', async () => {
    let healthy = false;
    harness.server.routes.set('/page/flaky', (_request, response) =>
      healthy ? response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('ĐÃVỀ')) : response.writeHead(500).end('lỗi'),
    );
    let items: RssItem[] = [{ guid: 'f', title: 'Chập chờn', link: harness.server.url('/page/flaky'), body: story(3) }];
    harness.server.routes.set('/feed.xml', conditionalFeed(() => rss('Báo Mẫu', items)));
    const { source, refresh } = await subscribe('/feed.xml', 'always');
    expect(refresh.status).toBe('refreshed');
    expect(refresh.imported).toBe(1);
    expect(refresh.fullTextFailed).toBe(1);
    expect(refresh.fullTextError?.reason).toMatchObject({ kind: 'http-status', status: 500 });
    expect(articleByTitle('Chập chờn')!.body).toBe(story(3));
    const [listed] = await harness.call('sources.list', {});
    expect(listed!.lastError).toBeNull();

    healthy = true;
    items = [...items, { guid: 'g', title: 'Khác', body: story(4) }];
    const [again] = await harness.call('sources.refresh', { id: source.id });
    expect(again!.updated).toBe(1);
    expect(again!.fullTextFetched).toBe(1);
    expect(articleByTitle('Chập chờn')!.body).toContain('ĐÃVỀ');
  });

  it('a page that says less than the feed (a paywall) keeps the feed’s text', async () => {
    harness.server.routes.set('/page/wall', (_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body><article><p>Đăng nhập để đọc tiếp.</p></article></body></html>'));
    harness.server.routes.set('/feed.xml', conditionalFeed(() => rss('Báo Mẫu', [{ guid: 'w', title: 'Có tường', link: harness.server.url('/page/wall'), body: story(5) }])));
    const { refresh } = await subscribe('/feed.xml', 'always');
    expect(refresh.fullTextFailed).toBe(1);
    expect(articleByTitle('Có tường')!.body).toBe(story(5));
  });

  it('a feed cannot make the app read a local address other than the one typed for the feed', async () => {
    servePage('/page/local', 'NỘIBỘ');
    const port = new URL(harness.server.url('/')).port;
    harness.server.routes.set('/feed.xml', conditionalFeed(() => rss('Báo Mẫu', [{ guid: 'x', title: 'Nội bộ', link: `http://localhost:${port}/page/local`, body: story(6) }])));
    const { refresh } = await subscribe('/feed.xml', 'always');
    expect(refresh.fullTextFailed).toBe(1);
    expect(refresh.fullTextError?.reason.kind).toBe('address-not-allowed');
    expect(pageRequests('/page/local')).toBe(0);
    expect(articleByTitle('Nội bộ')!.body).toBe(story(6));
  });

  it('can be changed per source, and is shown in the source list', async () => {
    harness.server.routes.set('/feed.xml', conditionalFeed(() => rss('Báo Mẫu', [{ guid: 'q', title: 'Tin', body: story(8) }])));
    const { source } = await subscribe('/feed.xml');
    const changed = await harness.call('sources.update', { id: source.id, patch: { fullText: 'never' } });
    expect(changed.fullText).toBe('never');
    await expect(harness.call('sources.update', { id: source.id, patch: { fullText: 'sometimes' } })).rejects.toMatchObject({ code: 'invalid-arguments' });
  });
});

describe('looksLikeSummary', () => {
  it('takes short texts and texts cut off with an ellipsis or a read-more for summaries', () => {
    const long = 'Một đoạn tin dài. '.repeat(60);
    expect(looksLikeSummary(long)).toBe(false);
    expect(looksLikeSummary('Tin ngắn.')).toBe(true);
    expect(looksLikeSummary(`${long}…`)).toBe(true);
    expect(looksLikeSummary(`${long}...`)).toBe(true);
    expect(looksLikeSummary(`${long} [...]`)).toBe(true);
    expect(looksLikeSummary(`${long} Đọc tiếp »`)).toBe(true);
    expect(looksLikeSummary(`${long} Xem thêm`)).toBe(true);
  });
});
