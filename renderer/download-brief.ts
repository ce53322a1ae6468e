import type { BriefFile } from '../contract/index.ts';
import { downloadText } from './download-text.ts';


/** The reader's time zone as the browser knows it: a brief's times are local to it. */
export function readerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Saves a brief: Markdown as text, DOCX from its base64 bytes. */
export function downloadBrief(file: BriefFile): void {
  if (file.encoding === 'utf-8') return downloadText(file.filename, file.mediaType, file.content);
  const bytes = Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
