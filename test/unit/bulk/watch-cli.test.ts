import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SavedSearch } from '../../../contract/index.ts';
import { cli } from '../cli/cli-in-process.ts';

describe('newsroom-reader watch', () => {
  it('adds, lists with new counts that rise after an import, shows and removes saved searches', async () => {
    const library = await mkdtemp(join(tmpdir(), 'nr-cli-watch-'));
    const run = (...args: string[]) => cli(['--library', library, ...args]);
    const inbox = join(library, '..', `${library.split('/').pop()}-files`);
    await mkdir(inbox);
    await writeFile(join(inbox, 'a.txt'), 'Bão Yagi gây mưa lớn\n\nHoàn lưu bão Yagi gây mưa lớn ở Hà Nội.');
    await writeFile(join(inbox, 'b.txt'), 'Giá vàng tăng\n\nGiá vàng miếng tăng mạnh sáng nay.');

    const added = await run('watch', 'add', 'Bão Yagi', 'bao yagi', '--notify', '--json');
    expect(added.code, added.err).toBe(0);
    expect(JSON.parse(added.out)).toMatchObject({ name: 'Bão Yagi', query: 'bao yagi', notify: true, newCount: 0 });
    expect((await run('watch', 'add', 'Vàng TT', '', '--source', 'Tuổi Trẻ')).out).toContain('Saved Vàng TT: (filters only) --source Tuổi Trẻ');
    // The same name in other case is refused with the contract's exit code for errors.
    const taken = await run('watch', 'add', 'BÃO YAGI', 'x');
    expect(taken.code).toBe(2);
    expect(taken.err).toContain('already exists');

    expect((await run('import', inbox)).code).toBe(0);

    const listed = await run('watch', 'list', '--json');
    expect(listed.code, listed.err).toBe(0);
    const searches = JSON.parse(listed.out) as SavedSearch[];
    expect(searches.map((search) => [search.name, search.newCount])).toEqual([
      ['Bão Yagi', 1],
      ['Vàng TT', 0],
    ]);
    const text = await run('watch', 'list');
    expect(text.out).toMatch(/^ {4}1 new {2}Bão Yagi {2}"bao yagi" notify$/m);
    expect(text.out).toContain('2 saved searches');

    const shown = await run('watch', 'show', 'bão yagi');
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toContain('Bão Yagi gây mưa lớn');
    expect(shown.out).toContain('1 matches, 1 new since');
    expect((await run('watch', 'show', 'nothing')).code).toBe(2);
    expect((await run('watch', 'frobnicate')).code).toBe(2);

    expect((await run('watch', 'remove', 'Vàng TT')).out).toContain('Removed Vàng TT');
    expect((JSON.parse((await run('watch', 'list', '--json')).out) as SavedSearch[]).map((search) => search.name)).toEqual(['Bão Yagi']);
  });
});
