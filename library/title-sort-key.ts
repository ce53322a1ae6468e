/**
 * SQLite's NOCASE only folds ASCII, so "Ảnh" would sort after "Bão". The key orders by the letters
 * without marks (đ with d, as Vietnamese dictionaries group them), then by the title itself.
 */
export function titleSortKey(title: string): string {
  const lower = title.normalize('NFC').toLocaleLowerCase('vi');
  const bare = lower.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd');
  return `${bare}\u0000${lower}`;
}
