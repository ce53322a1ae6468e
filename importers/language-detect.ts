// Our library is mostly Vietnamese with English wire copy; anything else is rare enough to take from metadata.

// Letters that occur in Vietnamese but not in English: ă â đ ê ô ơ ư and the toned vowels.
const VIETNAMESE_LETTER =
  /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;

/** Primary subtag of a BCP 47 tag or locale ("vi-VN", "vi_VN" → "vi"), or null when it is not one. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const match = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag ?? '');
  return match ? match[1]!.toLowerCase() : null;
}

/** 'vi' when a meaningful share of words carry Vietnamese-specific letters, else 'en'. */
export function detectLanguage(text: string, declared?: string | null): string {
  const fromMetadata = primaryLanguage(declared);
  if (fromMetadata) return fromMetadata;
  const words = text.normalize('NFC').slice(0, 20_000).match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return 'en';
  const vietnamese = words.filter((word) => VIETNAMESE_LETTER.test(word)).length;
  // Vietnamese prose has diacritics on most words; English with a few Vietnamese names stays far below this.
  return vietnamese / words.length >= 0.2 ? 'vi' : 'en';
}
