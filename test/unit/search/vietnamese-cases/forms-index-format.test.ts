import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPACT_FORMAT } from '../../../../search/compact-index.ts';
import { SearchIndexManager } from '../../../../search/index-manager.ts';
import { MANIFEST_FILE } from '../../../../search/segment-manifest.ts';
import { FORMS_CASES } from './forms.cases.ts';
import { MemorySource } from '../search-fixtures.ts';

describe('index format 5 (positions and terms of the forms cases)', () => {
  it('rebuilds an index written by format 4 from the library, and then finds the new forms', async () => {
    expect(COMPACT_FORMAT).toBe(5);
    const dir = mkdtempSync(join(tmpdir(), 'nr-forms-'));
    const tphcm = FORMS_CASES.find((c) => c.query === 'tphcm')!;
    const source = new MemorySource(tphcm.articles);
    const first = new SearchIndexManager({ dir, source });
    await first.open();
    await first.whenIdle();
    await first.close();
    // What an older build of the app left behind: the same files, stamped with the previous format.
    const manifestPath = join(dir, 'search-index', MANIFEST_FILE);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { format: number };
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, format: 4 }));

    const states: string[] = [];
    const manager = new SearchIndexManager({ dir, source });
    manager.onState((state) => states.push(state));
    await manager.open();
    await manager.whenIdle();
    expect(states).toContain('building');
    expect((await manager.search('tphcm')).hits.map((h) => h.id).sort()).toEqual([...tphcm.found].sort());
    await manager.close();
  });
});
