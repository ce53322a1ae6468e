// Text drawn in legacy Vietnamese fonts (TCVN3 ".VnTime", VNI-Windows) comes out of a PDF as the
// Windows-1252 reading of the legacy bytes ("§µ N½ng" for "Đà Nẵng"): the same mojibake as a legacy
// text file saved again as UTF-8. The plain-text import's detector decides; each piece is repaired alike.
import type { DecodedEncoding } from '../../contract/text-encodings.ts';
import type { BlockPiece } from '../block-builder.ts';
import { ImportInputError } from '../import-types.ts';
import { decodeEightBit, detectGarbled } from '../legacy-encodings/detect-legacy.ts';
import { bytesBeforeMisreading } from '../legacy-encodings/mojibake.ts';

export interface RepairedPieces {
  pieces: BlockPiece[];
  /** How the text was repaired, for the import report; null when it was Unicode already. */
  encoding: DecodedEncoding | null;
}

/**
 * The pieces with legacy-font text decoded. Text that looks garbled but reads as no encoding with
 * confidence is refused (`uncertain-encoding`), never stored as mojibake.
 */
export function repairLegacyFontText(pieces: readonly BlockPiece[]): RepairedPieces {
  const verdict = detectGarbled(pieces.map((piece) => piece.text).join('\n'));
  if (verdict.kind === 'as-is') return { pieces: [...pieces], encoding: null };
  if (verdict.kind === 'uncertain') throw new ImportInputError({ kind: 'uncertain-encoding', candidates: verdict.candidates.filter((name) => name !== 'utf-8') });
  const name = verdict.name;
  const repair = (text: string): string => {
    // TCVN3's ư is byte 0xAD, which PDF's WinAnsiEncoding names "hyphen": a reader extracts "Ng-êi"
    // for "Người". Inside or at the end of a word that hyphen is the letter.
    const legacy = name === 'tcvn3' ? text.replace(/(?<=\S)-(?=\S)|(?<=\p{L})-(?=\s|$)/gu, '\u00AD') : text;
    const bytes = bytesBeforeMisreading(legacy);
    if (!bytes) return text; // A piece in a Unicode font beside the legacy ones.
    return name === 'utf-8' ? new TextDecoder('utf-8').decode(bytes).normalize('NFC') : decodeEightBit(bytes, name).normalize('NFC');
  };
  // Decoded text is new text: buildBody tidies it again (the `tidy` mark is left behind).
  return { pieces: pieces.map(({ tidy: _tidy, ...piece }) => ({ ...piece, text: repair(piece.text) })), encoding: { name, how: 'detected', garbled: true } };
}
