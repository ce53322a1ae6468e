// Which PDF pages are scans, to be read by OCR. A scanner's page is a picture; a scanner or a fax
// machine often types a little text over it (a stamp, a page number, a fax header), and an office
// stamps a number on a scanned letter. Such a page has a text layer, but it is not the page's text:
// the page is decided by how much of it the picture covers against how much the text covers.
// A "searchable" scan, whose OCR text layer was added by the scanner, has a full page of text and
// is read as text.

/** What a page shows, measured on its own area (1 = the whole page). */
export interface PageCoverage {
  /** The area the painted pictures cover (overlaps counted twice, capped at 1). */
  picture: number;
  /** The area the text items cover (each item's width × font size). */
  text: number;
  /** Non-blank characters in the text layer. */
  characters: number;
}

/** A picture this large is the page, not an illustration on it. */
export const SCAN_PICTURE_COVERAGE = 0.5;
/** Text over the picture covering less than this is a stamp or a header: one line across an A4 page at 12 pt is 1.4 %. */
export const SCAN_TEXT_COVERAGE = 0.05;
/** More characters than this is a page of text (a typed A4 page holds 2,000–4,000), whatever its background. */
export const SCAN_TEXT_CHARACTERS = 400;

/** Whether a page is read by OCR: a picture and no text, or a picture that is the page with a little text on it. */
export function readsAsScan(page: PageCoverage): boolean {
  if (page.picture === 0) return false;
  if (page.characters === 0) return true;
  return page.picture >= SCAN_PICTURE_COVERAGE && page.text < SCAN_TEXT_COVERAGE && page.characters < SCAN_TEXT_CHARACTERS;
}

/** An affine transform [a, b, c, d, e, f]: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = readonly [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `outer` after `inner`: a point goes through `inner` first (a `cm` inside the current transform). */
function compose(outer: Matrix, inner: Matrix): Matrix {
  const [a, b, c, d, e, f] = outer;
  const [a2, b2, c2, d2, e2, f2] = inner;
  return [a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2, a * e2 + c * f2 + e, b * e2 + d * f2 + f];
}

const isMatrix = (value: unknown): value is Matrix => Array.isArray(value) && value.length === 6 && value.every((n) => typeof n === 'number');

/** The operators of pdfjs's operator list that this walk follows (their numbers differ by pdfjs version). */
export interface PictureOperators {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  /** Operators that paint an image into the unit square of the current transform. */
  images: ReadonlySet<number>;
}

/**
 * The share of the page (`view`: [x0, y0, x1, y1] in user space) that images cover: each image is
 * painted into the unit square of the transform current at its operator, following saves, restores,
 * `cm`s and form XObjects' matrices.
 */
export function pictureCoverage(operators: PictureOperators, fnArray: readonly number[], argsArray: readonly unknown[], view: readonly number[]): number {
  const [x0, y0, x1, y1] = view as [number, number, number, number];
  const pageArea = Math.abs((x1 - x0) * (y1 - y0));
  if (pageArea === 0) return 0;
  const stack: Matrix[] = [];
  let current = IDENTITY;
  let covered = 0;
  fnArray.forEach((operator, i) => {
    const args = argsArray[i] as unknown[] | null;
    if (operator === operators.save) stack.push(current);
    else if (operator === operators.restore) current = stack.pop() ?? IDENTITY;
    else if (operator === operators.transform && isMatrix(args)) current = compose(current, args);
    else if (operator === operators.paintFormXObjectBegin) {
      stack.push(current);
      if (isMatrix(args?.[0])) current = compose(current, args[0]);
    } else if (operator === operators.paintFormXObjectEnd) current = stack.pop() ?? IDENTITY;
    else if (operators.images.has(operator)) {
      const corners = [[0, 0], [1, 0], [0, 1], [1, 1]].map(([x, y]) => [current[0] * x! + current[2] * y! + current[4], current[1] * x! + current[3] * y! + current[5]] as const);
      const left = Math.max(x0, Math.min(...corners.map(([x]) => x)));
      const right = Math.min(x1, Math.max(...corners.map(([x]) => x)));
      const bottom = Math.max(y0, Math.min(...corners.map(([, y]) => y)));
      const top = Math.min(y1, Math.max(...corners.map(([, y]) => y)));
      if (right > left && top > bottom) covered += (right - left) * (top - bottom);
    }
  });
  return Math.min(1, covered / pageArea);
}
