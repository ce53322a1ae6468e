// End to end through the CLI: a legacy-encoded article is imported with its encoding reported, and is
// found by an unaccented search; --encoding overrides detection, and a bad name is a clear usage error.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../contract/index.ts';
import { cli } from './cli-in-process.ts';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/encodings/${name}`, import.meta.url));

describe('CLI import of legacy encodings', () => {
  it('reports TCVN3 and VNI garbled into UTF-8, and the articles are found by unaccented search', async () => {
    const library = await mkdtemp(join(tmpdir(), 'nr-enc-'));
    const inputs = await mkdtemp(join(tmpdir(), 'nr-enc-in-'));
    await writeFile(join(inputs, 'tcvn3.txt'), fixture('tcvn3.txt'));
    await writeFile(join(inputs, 'garbled.txt'), 'Ngaân haøng Nhaø nöôùc ñieàu chænh tyû giaù\n\nNgaân haøng Nhaø nöôùc vöøa ñieàu chænh tyû giaù trung taâm.');

    const imported = await cli(['--library', library, 'import', join(inputs, 'tcvn3.txt'), join(inputs, 'garbled.txt'), '--json']);
    expect(imported.code, imported.err).toBe(0);
    const report = JSON.parse(imported.out) as ImportReport;
    expect(report.imported.map((i) => [i.path.split('/').pop(), i.encoding])).toEqual([
      ['tcvn3.txt', { name: 'tcvn3', how: 'detected' }],
      ['garbled.txt', { name: 'vni', how: 'detected', garbled: true }],
    ]);
    expect(report.imported[0]!.title).toBe('Đà Nẵng đàm phán với nhà đầu tư Nhật Bản về cảng Liên Chiểu');

    const searched = await cli(['--library', library, 'search', 'dam phan', '--json']);
    const hits = (JSON.parse(searched.out) as { hits: { id: string }[] }).hits;
    expect(hits.map((h) => h.id)).toContain(report.imported[0]!.id);
    const rate = JSON.parse((await cli(['--library', library, 'search', 'ty gia', '--json'])).out) as { hits: { id: string }[] };
    expect(rate.hits.map((h) => h.id)).toContain(report.imported[1]!.id);

    const text = await cli(['--library', library, 'import', join(inputs, 'tcvn3.txt')]);
    expect(text.out).toMatch(/duplicate .*tcvn3\.txt {2}\(TCVN3 \(ABC\), detected\)/);
  });

  it('--encoding overrides detection, and an unknown name is a usage error that lists the known ones', async () => {
    const library = await mkdtemp(join(tmpdir(), 'nr-enc-'));
    const inputs = await mkdtemp(join(tmpdir(), 'nr-enc-in-'));
    await writeFile(join(inputs, 'viqr.txt'), 'Ha` No^.i');
    const chosen = await cli(['--library', library, 'import', join(inputs, 'viqr.txt'), '--encoding', 'VIQR']);
    expect(chosen.code, chosen.err).toBe(0);
    expect(chosen.out).toContain('Hà Nội  (VIQR, as chosen)');

    const bad = await cli(['--library', library, 'import', join(inputs, 'viqr.txt'), '--encoding', 'klingon']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown encoding; use one of utf-8, .*tcvn3, vni, viqr/);
  });

  it('refuses undecidable bytes with the reason, and imports nothing from them', async () => {
    const library = await mkdtemp(join(tmpdir(), 'nr-enc-'));
    const inputs = await mkdtemp(join(tmpdir(), 'nr-enc-in-'));
    await writeFile(join(inputs, 'ambiguous.txt'), Buffer.from('tiên tài nhà càng àn bàn', 'latin1'));
    const result = await cli(['--library', library, 'import', join(inputs, 'ambiguous.txt'), '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out) as ImportReport;
    expect(report.imported).toEqual([]);
    expect(report.failed[0]!.reason).toMatchObject({ kind: 'uncertain-encoding' });
    expect(report.failed[0]!.error).toMatch(/cannot tell its encoding with confidence.*--encoding/);
  });
});
