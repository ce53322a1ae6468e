/** Typo tolerance beyond the Vietnamese confusions is for real syllables: four letters or more, and not numbers. */
export function allowsTypos(folded: string): boolean {
  return folded.length >= 4 && folded.length <= 12 && !/^\p{N}/u.test(folded);
}
