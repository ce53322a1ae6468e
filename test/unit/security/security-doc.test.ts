import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, commands, HOSTS } from '../../../contract/index.ts';

const doc = readFileSync(fileURLToPath(new URL('../../../SECURITY.md', import.meta.url)), 'utf8');

describe('SECURITY.md', () => {
  it('lists exactly the hosts the contract gives each command', () => {
    for (const name of COMMAND_NAMES) {
      const row = new RegExp(`^\\| \`${name.replace('.', '\\.')}\` \\| (.+) \\|$`, 'm').exec(doc);
      expect(row, name).not.toBeNull();
      const cells = row![1]!.split(' | ');
      expect(cells, name).toEqual(HOSTS.map((host) => (commands[name].hosts.includes(host) ? 'yes' : '—')));
    }
  });
});
