import { lookup } from 'node:dns/promises';
import { createServer, type Server } from 'node:http';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directlyTypedHost, isNonPublicAddress } from '../../../importers/address-policy.ts';
import { fetchResource, runImport } from '../../../importers/index.ts';
import { MemorySink } from '../importers/importer-test-helpers.ts';

const PAGE = '<html><head><title>Trang nội bộ</title></head><body><article><p>Bí mật của máy chủ nội bộ, không được lọt ra ngoài.</p></article></body></html>';

describe('which addresses an import may fetch', () => {
  it('knows loopback, link-local, private and mapped addresses from public ones', () => {
    for (const address of ['127.0.0.1', '127.8.9.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::a00:1']) {
      expect(isNonPublicAddress(address), address).toBe(true);
    }
    for (const address of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect(isNonPublicAddress(address), address).toBe(false);
  });

  it('counts only a host written out as itself as typed directly', () => {
    expect(directlyTypedHost('http://127.0.0.1:8080/a')).toBe('127.0.0.1');
    expect(directlyTypedHost('http://LOCALHOST/a')).toBe('localhost');
    expect(directlyTypedHost('http://[::1]:3000/')).toBe('[::1]');
    expect(directlyTypedHost('http://intranet.example/')).toBeNull();
    for (const disguised of ['http://2130706433/', 'http://0x7f.0.0.1/', 'http://127.1/', 'http://[::ffff:127.0.0.1]/', 'http://0177.0.0.1/']) {
      expect(directlyTypedHost(disguised), disguised).toBeNull();
    }
  });
});

describe('fetching with a local server', () => {
  let server: Server;
  let port: number;
  let requests: string[];

  beforeAll(async () => {
    requests = [];
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      if (request.url === '/to-localhost') response.writeHead(302, { location: `http://localhost:${port}/page` }).end();
      else if (request.url === '/to-same-host') response.writeHead(301, { location: '/page' }).end();
      else if (request.url === '/loop') response.writeHead(302, { location: '/loop' }).end();
      else if (request.url === '/feed') {
        response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Tin</title><item><title>Bài</title><link>http://127.0.0.1:${port}/from-feed-link</link>` +
            `<description>&lt;p&gt;Nội dung bài.&lt;img src="http://127.0.0.1:${port}/from-feed-image"&gt;&lt;/p&gt;</description></item></channel></rss>`,
        );
      } else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('refuses four spellings of 127.0.0.1 that the audit saw fetched', async () => {
    const before = requests.length;
    const urls = [`http://2130706433:${port}/page`, `http://0x7f.0.0.1:${port}/page`, `http://127.1:${port}/page`, `http://[::ffff:127.0.0.1]:${port}/page`];
    const report = await runImport(urls.map((url) => ({ kind: 'url' as const, url })), new MemorySink());
    expect(report.imported).toEqual([]);
    expect(report.failed.map((entry) => entry.reason?.kind)).toEqual(['address-not-allowed', 'address-not-allowed', 'address-not-allowed', 'address-not-allowed']);
    expect(requests.length).toBe(before);
  });

  it('fetches a local address the person typed, and redirects on that same host', async () => {
    const report = await runImport([{ kind: 'url', url: `http://127.0.0.1:${port}/to-same-host` }], new MemorySink());
    expect(report.failed).toEqual([]);
    expect(report.imported).toHaveLength(1);
  });

  it('does not follow a redirect to another local host', async () => {
    const before = requests.length;
    const report = await runImport([{ kind: 'url', url: `http://127.0.0.1:${port}/to-localhost` }], new MemorySink());
    expect(report.failed).toEqual([expect.objectContaining({ reason: { kind: 'address-not-allowed', host: 'localhost' } })]);
    expect(requests.slice(before)).toEqual(['/to-localhost']);
  });

  it('refuses a public-looking name whose DNS answer is local, before connecting', async () => {
    const before = requests.length;
    await expect(
      fetchResource(`http://news.example.com:${port}/page`, { maxBytes: 100_000, resolveHost: async () => ['127.0.0.1'] }),
    ).rejects.toMatchObject({ reason: { kind: 'address-not-allowed', host: 'news.example.com' } });
    expect(requests.length).toBe(before);
  });

  it('checks again when connecting, so a DNS answer that changes after the check cannot reach a local address', async (context) => {
    // This machine's own name usually resolves to a loopback address through /etc/hosts.
    const local = await lookup(hostname()).then((answer) => isNonPublicAddress(answer.address), () => false);
    if (!local) context.skip();
    const before = requests.length;
    await expect(
      fetchResource(`http://${hostname()}:${port}/page`, { maxBytes: 100_000, resolveHost: async () => ['93.184.216.34'] }),
    ).rejects.toMatchObject({ reason: { kind: 'address-not-allowed', host: hostname() } });
    expect(requests.length).toBe(before);
  });

  it('stops after a bounded number of redirects', async () => {
    await expect(fetchResource(`http://127.0.0.1:${port}/loop`, { maxBytes: 100_000 })).rejects.toMatchObject({ reason: { kind: 'too-many-redirects', max: 5 } });
  });

  it('lets a test’s own loopback server through only when asked', async () => {
    const report = await runImport([{ kind: 'url', url: `http://127.0.0.1:${port}/to-localhost` }], new MemorySink(), { allowPrivateAddresses: true });
    expect(report.imported).toHaveLength(1);
  });

  it('never fetches a feed item’s link or images', async () => {
    const report = await runImport([{ kind: 'url', url: `http://127.0.0.1:${port}/feed` }], new MemorySink());
    expect(report.imported).toHaveLength(1);
    expect(requests.filter((path) => path.startsWith('/from-feed'))).toEqual([]);
  });
});
