import { describe, expect, it } from 'vitest';
import { KNOWN_SEARCH_NOTICES, failureMessage, searchNotice } from '../../../renderer/host-messages.ts';
import { BUILDING_MESSAGE } from '../../../search/index-manager.ts';
import { NOTHING_SEARCHABLE } from '../../../search/run-search.ts';

// The host words its search notices in English (the CLI prints them); the renderer recognises them by
// their exact text to say them in the UI's language. A rewording on either side must show up here.
describe('host notices the UI translates', () => {
  it('knows every search notice the host sends, word for word', () => {
    expect(Object.keys(KNOWN_SEARCH_NOTICES).sort()).toEqual([BUILDING_MESSAGE, NOTHING_SEARCHABLE].sort());
  });

  it('says them in its own words (Vietnamese, the source language, when no locale is loaded)', () => {
    expect(searchNotice(BUILDING_MESSAGE)).toMatch(/^Chỉ mục tìm kiếm đang được xây dựng/);
    expect(searchNotice(NOTHING_SEARCHABLE)).toMatch(/^Không có gì để tìm/);
  });

  it('shows a notice it does not know as the host wrote it', () => {
    expect(searchNotice('Something new from the host')).toBe('Something new from the host');
  });

  it('has a message for every error code', () => {
    for (const code of ['invalid-arguments', 'unknown-command', 'not-found', 'unsupported', 'failed'] as const) {
      expect(failureMessage(code)).toMatch(/\S/);
    }
  });
});
