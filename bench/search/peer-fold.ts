// How a careful user folds Vietnamese for a general-purpose engine: decompose (NFD), drop every
// combining mark, đ→d, lowercase. Written here on purpose, independent of the product's folding,
// so the peers (and the relevance queries) owe nothing to the code under test.
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}
