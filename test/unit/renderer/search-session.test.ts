import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Notices } from '../../../renderer/state/notices.ts';
import { SEARCH_PAGE } from '../../../renderer/client/search-pages.ts';
import { SearchSession } from '../../../renderer/state/search-session.ts';
import { draft } from '../library/library-fixtures.ts';
import { HostClient, settle } from './host-client.ts';

describe('SearchSession', () => {
  let client: HostClient;
  let notices: Notices;
  let search: SearchSession;
  let doha: string;
  let storm: string;

  beforeEach(async () => {
    client = await HostClient.open();
    doha = client.context.library.addArticle(draft()).id;
    const body = 'Bão số 3 đổ bộ vào Quảng Ninh, gây lũ lớn ở các tỉnh phía bắc.';
    storm = client.context.library.addArticle(draft({ title: 'Bão số 3', body, origin: 'storm.txt' })).id;
    notices = new Notices();
    search = new SearchSession(client, notices);
    // The index follows the library in the background; wait until it is ready.
    for (let i = 0; i < 200 && (await client.call('search.status', {})).state !== 'ready'; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  });

  afterEach(async () => {
    notices.dispose();
    await client.close();
  });

  it('answers a query with the host’s hits, asking for a page of them with the filter chips', async () => {
    await search.search('Doha');
    expect(search.active).toBe(true);
    expect(search.result?.hits.map((hit) => hit.id)).toEqual([doha]);
    await search.setFilters({ source: 'VnExpress' });
    expect(client.callsOf('search.query').at(-1)).toEqual({ query: 'Doha', limit: SEARCH_PAGE, filters: { source: 'VnExpress' }, client: expect.stringMatching(/^window-/) });
    await search.setFilters({});
    expect(client.callsOf('search.query').at(-1)).toEqual({ query: 'Doha', limit: SEARCH_PAGE, filters: undefined, client: expect.stringMatching(/^window-/) });
  });

  it('drops a slower answer to an older query: the newer query’s result stays', async () => {
    const releaseOldest = client.hold('search.query');
    const older = search.search('Doha');
    await settle();
    client.releaseAll('search.query');
    await search.search('bão');
    expect(search.result?.hits.map((hit) => hit.id)).toEqual([storm]);
    releaseOldest();
    await older;
    expect(search.query).toBe('bão');
    expect(search.result?.hits.map((hit) => hit.id)).toEqual([storm]);
  });

  it('an empty query ends the search without asking the host, and an older answer cannot bring it back', async () => {
    client.hold('search.query');
    const pending = search.search('Doha');
    await settle();
    await search.search('   ');
    expect(search.active).toBe(false);
    expect(search.result).toBeNull();
    client.releaseAll('search.query');
    await pending;
    expect(search.result).toBeNull();
    expect(client.callsOf('search.query')).toHaveLength(1);
  });

  it('asks again when the index becomes ready, only while a query is typed', async () => {
    search.indexStateChanged('building');
    expect(search.indexState).toBe('building');
    search.indexStateChanged('ready');
    expect(client.callsOf('search.query')).toHaveLength(0);
    await search.search('Doha');
    search.indexStateChanged('ready');
    await settle();
    expect(client.callsOf('search.query')).toHaveLength(2);
  });

  it('tells subscribers of each change, and shows a refused query as a failure', async () => {
    let changes = 0;
    const stop = search.subscribe(() => changes++);
    await search.search('x'.repeat(10_001));
    expect(changes).toBeGreaterThan(0);
    expect(notices.failure).toMatchObject({ kind: 'command' });
    expect(notices.failureDetail).toMatch(/too long/);
    stop();
    const before = changes;
    await search.search('Doha');
    expect(changes).toBe(before);
  });
});
