import { describe, expect, it } from 'vitest';
import { jsonImporter, type ParsedItem } from '../../../importers/index.ts';
import { blockTexts, drafts, fixtureInput, textInput } from './importer-test-helpers.ts';

function failures(items: ParsedItem[]): string[] {
  return items.flatMap((item) => (item.kind === 'failed' ? [item.error] : []));
}

describe('json importer', () => {
  it('imports an array of records; a bad record fails with its index and the others carry on', async () => {
    const items = await jsonImporter.parse(fixtureInput('articles.json'));
    expect(items.map((item) => [item.kind, item.position])).toEqual([['draft', 1], ['failed', 2], ['draft', 3]]);
    expect(failures(items)[0]).toMatch(/^record 2: invalid article record: .*body, content or text/);
    const [wire, vn] = drafts(items);
    expect(wire).toMatchObject({
      title: 'Ukraine talks resume in Geneva',
      url: 'https://wire.example.com/ukraine-talks',
      author: 'Jane Doe',
      source: 'Example Wire',
      language: 'en',
      publishedAt: '2024-03-04T09:00:00.000Z',
      tags: ['world', 'diplomacy'],
    });
    expect(blockTexts(wire!).map(([, text]) => text)).toEqual([
      'Negotiators met in Geneva on Monday.',
      'The talks focus on a monitoring mechanism for the ceasefire.',
    ]);
    // HTML bodies go through the HTML path.
    expect(vn!.body).toBe('Giá điện bình quân tăng 4,8% từ hôm nay.\n\nEVN cho biết mức tăng bù đắp chi phí.');
    expect(vn!.tags).toEqual(['năng lượng', 'giá cả']);
  });

  it('reads NDJSON: drafts, export records to restore, unknown export types passed through, bad lines by number', async () => {
    const items = await jsonImporter.parse(fixtureInput('export.ndjson'));
    expect(items.map((item) => [item.kind, item.position])).toEqual([
      ['draft', 1],
      ['restore', 2],
      ['failed', 3],
      ['other', 4],
      ['failed', 6],
      ['draft', 7],
    ]);
    const errors = failures(items);
    expect(errors[0]).toMatch(/^line 3: not valid JSON/);
    expect(errors[1]).toMatch(/^line 6: invalid export record: a block lies outside the body/);
    const restore = items[1]!;
    expect(restore.kind === 'restore' && restore.record.state.readingPosition).toBe(0.5);
    const other = items[3]!;
    expect(other.kind === 'other' && other.record.type).toBe('annotation');
    expect(drafts(items)[0]!.publishedAt).toBe('2024-03-01');
  });

  it('rejects an unsupported export format and a document that is not JSON', async () => {
    const items = await jsonImporter.parse(textInput('x.jsonl', '{"format":"newsroom-reader/9","type":"article"}'));
    expect(items).toEqual([
      { kind: 'failed', error: 'line 1: unsupported export format "newsroom-reader/9"', reason: { kind: 'unsupported-export-format', format: '"newsroom-reader/9"' }, position: 1 },
    ]);
    await expect(jsonImporter.parse(textInput('x.json', '{"title": '))).rejects.toThrow(/not valid JSON/);
    await expect(jsonImporter.parse(textInput('x.json', '{"title": '))).rejects.toMatchObject({ reason: { kind: 'invalid-json' } });
  });
});
