import { request as httpRequest } from 'node:http';
import { mkdir } from 'node:fs/promises';
import { test, expect } from './fixtures/app.ts';

function rawGet(port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

test('the shell shows the library folder that app.info returns', async ({ app, page }) => {
  const info = await app.call('app.info', {});
  expect(info.libraryDir).toBe(app.libraryDir);
  expect(info.runtime).toBe('browser');
  await page.goto(app.url);
  await expect(page.getByText(info.libraryDir, { exact: false }).first()).toBeVisible();
  await mkdir('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: 'test-results/screenshots/shell.png', fullPage: true });
});

test('a command with invalid arguments comes back as a validation error over HTTP and from the page', async ({ app, page }) => {
  const direct = await app.post('library.get', { id: 42 });
  expect(direct.status).toBe(400);
  expect(direct.body).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  expect(!direct.body.ok && direct.body.error.message).toContain('id');

  const unknown = await app.post('library.dropEverything', {});
  expect(unknown.body).toMatchObject({ ok: false, error: { code: 'unknown-command' } });

  // The same call made from inside the page, through the renderer's own origin and token.
  await page.goto(app.url);
  const fromPage = await page.evaluate(async (token) => {
    const response = await fetch('/api/commands/library.list', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-newsroom-token': token },
      body: JSON.stringify({ limit: -5 }),
    });
    return { status: response.status, body: (await response.json()) as { ok: boolean; error?: { code: string } } };
  }, app.token);
  expect(fromPage.status).toBe(400);
  expect(fromPage.body.error?.code).toBe('invalid-arguments');
});

test('requests without the token or with a foreign Host header are refused', async ({ app }) => {
  const port = Number(new URL(app.origin).port);
  const noToken = await app.post('app.info', {}, {});
  expect(noToken.status).toBe(401);
  const wrongToken = await app.post('app.info', {}, { 'x-newsroom-token': 'not-the-token' });
  expect(wrongToken.status).toBe(401);
  expect(await rawGet(port, '/', {})).toBe(401);
  expect(await rawGet(port, `/?token=${app.token}`, { host: `evil.example:${port}` })).toBe(421);
  expect(await rawGet(port, `/?token=${app.token}`, { host: `127.0.0.1:${port}` })).toBe(200);
});
