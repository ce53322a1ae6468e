import { ANNOTATION_COLORS, DEFAULT_COLOR_LABELS } from '../annotations/model.ts';
import type { AnnotationColor, ColorLabels } from '../electron/contract.ts';

export { ANNOTATION_COLORS };

// The library stores its default labels in English (they name the colours in exports and CLI
// filters); the Vietnamese UI shows its own words for them until the user renames a colour.
const VIETNAMESE_DEFAULTS: Readonly<ColorLabels> = {
  yellow: 'Trích dẫn',
  green: 'Kiểm chứng',
  blue: 'Số liệu',
  pink: 'Ý tưởng',
};

const COLOR_NAMES: Readonly<Record<AnnotationColor, string>> = {
  yellow: 'vàng',
  green: 'xanh lá',
  blue: 'xanh dương',
  pink: 'hồng',
};

/** What the user calls a colour: their own label, or the UI's word for an untouched default. */
export function colorLabel(labels: ColorLabels | null, color: AnnotationColor): string {
  const label = labels?.[color] ?? DEFAULT_COLOR_LABELS[color];
  return label === DEFAULT_COLOR_LABELS[color] ? VIETNAMESE_DEFAULTS[color] : label;
}

/** The colour itself, for tooltips next to a label that may say nothing about it. */
export function colorName(color: AnnotationColor): string {
  return COLOR_NAMES[color];
}
