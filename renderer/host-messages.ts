import { msg } from '@lit/localize';
import type { CommandErrorCode } from '../electron/contract.ts';

/**
 * The host's notices are written in English, because the CLI prints them too; the UI says the ones it
 * knows in its own language. The keys are the host's exact wording: search/run-search.ts
 * (NOTHING_SEARCHABLE) and search/index-manager.ts (BUILDING_MESSAGE); a unit test keeps them equal.
 */
export const KNOWN_SEARCH_NOTICES = {
  'Nothing to search for: type a word, a "quoted phrase" or a filter such as source:': () =>
    msg('Không có gì để tìm: hãy gõ một từ, một “cụm từ trong ngoặc kép” hoặc một bộ lọc như source:', {
      id: 'search.nothing-searchable',
      desc: 'source: is query syntax and stays as is',
    }),
  'The search index is being built; results will appear in a moment.': () =>
    msg('Chỉ mục tìm kiếm đang được xây dựng; kết quả sẽ hiện ra trong giây lát.', { id: 'search.index-building' }),
} as const satisfies Record<string, () => string>;

/** A search notice in the UI's language; one the UI does not know is shown as the host wrote it. */
export function searchNotice(message: string): string {
  return Object.hasOwn(KNOWN_SEARCH_NOTICES, message) ? KNOWN_SEARCH_NOTICES[message as keyof typeof KNOWN_SEARCH_NOTICES]() : message;
}

/**
 * What a refused or failed command means to the user, in the UI's language. The host's own message
 * (English, technical: "No article with id …") is kept for the tooltip and the console, not the banner.
 */
export function failureMessage(code: CommandErrorCode): string {
  switch (code) {
    case 'not-found':
      return msg('Không tìm thấy mục này; có thể nó vừa bị xoá.', { id: 'failure.not-found' });
    case 'invalid-arguments':
      return msg('Yêu cầu không hợp lệ nên không được thực hiện.', { id: 'failure.invalid-arguments' });
    case 'unsupported':
      return msg('Thao tác này không được hỗ trợ.', { id: 'failure.unsupported' });
    case 'unknown-command':
    case 'failed':
      return msg('Thao tác không thành công. Hãy thử lại.', { id: 'failure.failed' });
  }
}
