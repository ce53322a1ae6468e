// Issue 14, legacy encodings at import: bytes in, what import must make of them. Plain data; the runner
// is encodings.test.ts. Every case here fails on the code before the issue (legacy bytes were refused
// as "not UTF-8", garbled text was stored as it was, UTF-16 without a BOM was called binary, VIQR was
// kept as ASCII); ENCODING_GUARDS hold what must not change (UTF-8 and ASCII exactly as before).
import type { ImportFailure, TextEncodingName } from '../../../../contract/index.ts';

/**
 * Bytes: UTF-8 of a string, Latin-1 of a string (one byte per character), a generated fixture file, hex,
 * or `utf8Misread`: the UTF-8 of a string read as Windows-1252 and saved as UTF-8 again.
 */
export type CaseBytes = { utf8: string } | { latin1: string } | { fixture: string } | { hex: string } | { utf8Misread: string };

export interface EncodingCase {
  name: string;
  bytes: CaseBytes;
  /** As `--encoding` would give it. */
  chosen?: TextEncodingName;
  /** A page's `<meta charset>`. */
  declared?: string;
  expect:
    | { text: string; encoding: TextEncodingName | null; garbled?: boolean }
    /** The whole fixture text (test/fixtures/encodings/fixture-texts.ts). */
    | { fixtureText: true; encoding: TextEncodingName; garbled?: boolean }
    | { refused: ImportFailure['kind']; candidates?: TextEncodingName[] };
}

export const ENCODING_CASES: EncodingCase[] = [
  // The issue's own examples, garbled into UTF-8.
  { name: 'TCVN3 garbled into UTF-8: "§µ N½ng"', bytes: { utf8: '§µ N½ng' }, expect: { text: 'Đà Nẵng', encoding: 'tcvn3', garbled: true } },
  { name: 'VNI garbled into UTF-8: "Ñaø Naüng"', bytes: { utf8: 'Ñaø Naüng' }, expect: { text: 'Đà Nẵng', encoding: 'vni', garbled: true } },
  {
    name: 'TCVN3 garbled: a headline',
    bytes: { utf8: 'Thñ t­íng yªu cÇu ®Èy nhanh tiÕn ®é gi¶i ng©n vèn ®Çu t­ c«ng' },
    expect: { text: 'Thủ tướng yêu cầu đẩy nhanh tiến độ giải ngân vốn đầu tư công', encoding: 'tcvn3', garbled: true },
  },
  {
    name: 'VNI garbled: a headline',
    bytes: { utf8: 'Ngaân haøng Nhaø nöôùc ñieàu chænh tyû giaù trung taâm' },
    expect: { text: 'Ngân hàng Nhà nước điều chỉnh tỷ giá trung tâm', encoding: 'vni', garbled: true },
  },
  {
    name: 'UTF-8 read as Windows-1252 and saved again',
    bytes: { utf8Misread: 'Hà Nội mưa lớn, nhiều tuyến phố ngập sâu' },
    expect: { text: 'Hà Nội mưa lớn, nhiều tuyến phố ngập sâu', encoding: 'utf-8', garbled: true },
  },
  // Raw 8-bit bytes.
  { name: 'TCVN3 bytes: "Hµ Néi"', bytes: { latin1: 'Hµ Néi lµ thñ ®« cña ViÖt Nam' }, expect: { text: 'Hà Nội là thủ đô của Việt Nam', encoding: 'tcvn3' } },
  { name: 'VNI bytes', bytes: { latin1: 'Thuû töôùng Phaïm Minh Chính laøm vieäc vôùi tænh Quaûng Ninh' }, expect: { text: 'Thủ tướng Phạm Minh Chính làm việc với tỉnh Quảng Ninh', encoding: 'vni' } },
  // Whole news articles from the generated fixtures, one per encoding.
  { name: 'fixture: TCVN3', bytes: { fixture: 'tcvn3.txt' }, expect: { fixtureText: true, encoding: 'tcvn3' } },
  { name: 'fixture: VNI', bytes: { fixture: 'vni.txt' }, expect: { fixtureText: true, encoding: 'vni' } },
  { name: 'fixture: VISCII', bytes: { fixture: 'viscii.txt' }, expect: { fixtureText: true, encoding: 'viscii' } },
  { name: 'fixture: Windows-1258, tones as combining bytes, composed to NFC', bytes: { fixture: 'windows-1258.txt' }, expect: { fixtureText: true, encoding: 'windows-1258' } },
  { name: 'fixture: VIQR', bytes: { fixture: 'viqr.txt' }, expect: { fixtureText: true, encoding: 'viqr' } },
  { name: 'fixture: TCVN3 garbled into UTF-8', bytes: { fixture: 'tcvn3-garbled-utf8.txt' }, expect: { fixtureText: true, encoding: 'tcvn3', garbled: true } },
  { name: 'fixture: VNI garbled into UTF-8', bytes: { fixture: 'vni-garbled-utf8.txt' }, expect: { fixtureText: true, encoding: 'vni', garbled: true } },
  { name: 'fixture: VISCII garbled into UTF-8', bytes: { fixture: 'viscii-garbled-utf8.txt' }, expect: { fixtureText: true, encoding: 'viscii', garbled: true } },
  { name: 'fixture: UTF-16 LE without a BOM', bytes: { fixture: 'utf-16le-no-bom.txt' }, expect: { fixtureText: true, encoding: 'utf-16le' } },
  { name: 'fixture: UTF-16 BE without a BOM', bytes: { fixture: 'utf-16be-no-bom.txt' }, expect: { fixtureText: true, encoding: 'utf-16be' } },
  {
    name: 'UTF-16 LE without a BOM, decomposed (NFD) Vietnamese',
    bytes: { hex: Buffer.from('Bão Yagi đổ bộ vào Quảng Ninh và Hải Phòng'.normalize('NFD'), 'utf16le').toString('hex') },
    expect: { text: 'Bão Yagi đổ bộ vào Quảng Ninh và Hải Phòng'.normalize('NFD'), encoding: 'utf-16le' },
  },
  // VIQR in a plain ASCII file.
  {
    name: 'VIQR: a news sentence',
    bytes: { utf8: "Chi'nh phu? ye^u ca^`u ca'c bo^. nga`nh kha('c phu.c ha^.u qua? ba~o lu~ o+? mie^`n Trung." },
    expect: { text: 'Chính phủ yêu cầu các bộ ngành khắc phục hậu quả bão lũ ở miền Trung.', encoding: 'viqr' },
  },
  // --encoding overrides detection.
  {
    name: '--encoding vni decodes VNI bytes and reports the choice',
    bytes: { latin1: 'Giaù vaøng hoâm nay' },
    chosen: 'vni',
    expect: { text: 'Giá vàng hôm nay', encoding: 'vni' },
  },
  { name: '--encoding viqr on a short ASCII line detection leaves alone', bytes: { utf8: 'Ha` No^.i' }, chosen: 'viqr', expect: { text: 'Hà Nội', encoding: 'viqr' } },
  { name: '--encoding tcvn3 on a two-word garbled title', bytes: { utf8: '§µ N½ng' }, chosen: 'tcvn3', expect: { text: 'Đà Nẵng', encoding: 'tcvn3', garbled: true } },
  { name: '--encoding windows-1258 beats a page that declares windows-1252', bytes: { latin1: 'Vi\u00ea\u00f2t Nam' }, chosen: 'windows-1258', declared: 'windows-1252', expect: { text: 'Việt Nam', encoding: 'windows-1258' } },
  {
    name: '--encoding utf-16le on a short title without a BOM',
    bytes: { hex: Buffer.from('Hà Nội', 'utf16le').toString('hex') },
    chosen: 'utf-16le',
    expect: { text: 'Hà Nội', encoding: 'utf-16le' },
  },
  // Refused rather than stored as mojibake.
  {
    name: 'garbled text no table repairs is refused, not stored',
    bytes: { utf8: 'Th§ ng½y k¸p b¶m s¬q qu¶x v¸x n¼z' },
    expect: { refused: 'uncertain-encoding', candidates: [] },
  },
  {
    name: 'bytes two tables read as Vietnamese are refused, naming both',
    bytes: { hex: Buffer.from('ti\u00ean t\u00e0i nh\u00e0 c\u00e0ng \u00e0n b\u00e0n', 'latin1').toString('hex') },
    expect: { refused: 'uncertain-encoding', candidates: ['viscii', 'vni', 'windows-1258'] },
  },
];

/** What must decode exactly as before the issue. */
export const ENCODING_GUARDS: { name: string; bytes: CaseBytes; text: string }[] = [
  { name: 'UTF-8 Vietnamese, NFC', bytes: { utf8: 'Thủ tướng Phạm Minh Chính chủ trì cuộc họp về đàm phán thương mại.' }, text: 'Thủ tướng Phạm Minh Chính chủ trì cuộc họp về đàm phán thương mại.' },
  { name: 'UTF-8 Vietnamese, NFD', bytes: { utf8: 'Đà Nẵng đón bão số 4, người dân được sơ tán.'.normalize('NFD') }, text: 'Đà Nẵng đón bão số 4, người dân được sơ tán.'.normalize('NFD') },
  { name: 'UTF-8 Vietnamese using only Latin-1 letters', bytes: { utf8: 'Tôi là ai, và đây là đâu?' }, text: 'Tôi là ai, và đây là đâu?' },
  { name: 'English ASCII with apostrophes, periods and question marks', bytes: { utf8: "The minister's office said talks would resume. Who knows? Add the address, don't." }, text: "The minister's office said talks would resume. Who knows? Add the address, don't." },
  { name: 'French and German UTF-8', bytes: { utf8: 'Le café crème à la fenêtre; die Größe der Straße.' }, text: 'Le café crème à la fenêtre; die Größe der Straße.' },
  { name: 'Prices, degrees and sizes beside letters', bytes: { utf8: 'Nhiệt độ 30°C, màn hình 1920×1080, giá ±5%, «Hà Nội»' }, text: 'Nhiệt độ 30°C, màn hình 1920×1080, giá ±5%, «Hà Nội»' },
  { name: 'ASCII code with parentheses after vowels', bytes: { utf8: 'const data = load(a); if (value?.ok) print(area).' }, text: 'const data = load(a); if (value?.ok) print(area).' },
];
