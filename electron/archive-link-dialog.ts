// The words of the confirmation main shows before the desktop app links the library to a shared
// archive. A renderer shows hostile content and is treated as possibly compromised: linking copies
// every article and annotation to the server named, so the person confirms the address in a native
// dialog the renderer cannot draw or click. Apart from main so they are tested without Electron.
import type { UiLocale } from './menu-labels.ts';

export interface ArchiveLinkDialog {
  title: string;
  message: string;
  detail: string;
  /** [confirm, cancel]: cancel is the default and the Escape answer. */
  buttons: [string, string];
}

export function archiveLinkDialog(address: string, user: string, locale: UiLocale): ArchiveLinkDialog {
  if (locale === 'en') {
    return {
      title: 'Link to a shared archive',
      message: `Link this library to the archive at ${address} as ${user}?`,
      detail: 'Its articles and your annotations will be copied to that server, and kept in sync with it. Link only to your newsroom’s own archive.',
      buttons: ['Link', 'Cancel'],
    };
  }
  return {
    title: 'Liên kết với kho chung',
    message: `Liên kết thư viện này với kho chung tại ${address} với tên ${user}?`,
    detail: 'Các bài và ghi chú của bạn sẽ được sao chép lên máy chủ đó và luôn được đồng bộ. Chỉ liên kết với kho chung của toà soạn bạn.',
    buttons: ['Liên kết', 'Huỷ'],
  };
}
