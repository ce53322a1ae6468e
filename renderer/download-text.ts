/** Saves text as a file through a Blob link: the same path works in the browser and in Electron. */
export function downloadText(filename: string, mediaType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mediaType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some engines; a minute is far more than it needs.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
