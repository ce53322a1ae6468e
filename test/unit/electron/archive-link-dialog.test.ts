import { describe, expect, it } from 'vitest';
import { archiveLinkDialog } from '../../../electron/archive-link-dialog.ts';

describe('the confirmation before linking to an archive', () => {
  it('names the server and the reporter in both languages, with Cancel second (the default)', () => {
    const address = 'postgres://lan@archive.toasoan.vn:5432/archive?sslmode=require';
    for (const locale of ['vi', 'en'] as const) {
      const words = archiveLinkDialog(address, 'lan', locale);
      expect(words.message).toContain(address);
      expect(words.message).toContain('lan');
      expect(words.buttons).toHaveLength(2);
    }
    expect(archiveLinkDialog(address, 'lan', 'vi').buttons[1]).toBe('Huỷ');
    expect(archiveLinkDialog(address, 'lan', 'en').buttons).toEqual(['Link', 'Cancel']);
  });
});
