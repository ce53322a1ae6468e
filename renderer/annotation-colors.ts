import { msg } from '@lit/localize';
import { ANNOTATION_COLORS, DEFAULT_COLOR_LABELS } from '../contract/annotation-colors.ts';
import type { AnnotationColor, ColorLabels } from '../contract/index.ts';

export { ANNOTATION_COLORS };

// The library stores its default labels in English (they name the colours in exports and CLI
// filters); the UI shows its own words for them, in its language, until the user renames a colour.
function defaultLabel(color: AnnotationColor): string {
  switch (color) {
    case 'yellow':
      return msg('Trích dẫn', { id: 'color.label.yellow', desc: 'Default label of the yellow highlight: a quote to use' });
    case 'green':
      return msg('Kiểm chứng', { id: 'color.label.green', desc: 'Default label of the green highlight: a claim to verify' });
    case 'blue':
      return msg('Số liệu', { id: 'color.label.blue', desc: 'Default label of the blue highlight: figures, data' });
    case 'pink':
      return msg('Ý tưởng', { id: 'color.label.pink', desc: 'Default label of the pink highlight: an idea' });
  }
}

/** What the user calls a colour: their own label, or the UI's word for an untouched default. */
export function colorLabel(labels: ColorLabels | null, color: AnnotationColor): string {
  const label = labels?.[color] ?? DEFAULT_COLOR_LABELS[color];
  return label === DEFAULT_COLOR_LABELS[color] ? defaultLabel(color) : label;
}

/** The colour itself, for tooltips next to a label that may say nothing about it. */
export function colorName(color: AnnotationColor): string {
  switch (color) {
    case 'yellow':
      return msg('vàng', { id: 'color.name.yellow', desc: 'Colour name, lower case, used inside sentences' });
    case 'green':
      return msg('xanh lá', { id: 'color.name.green', desc: 'Colour name, lower case, used inside sentences' });
    case 'blue':
      return msg('xanh dương', { id: 'color.name.blue', desc: 'Colour name, lower case, used inside sentences' });
    case 'pink':
      return msg('hồng', { id: 'color.name.pink', desc: 'Colour name, lower case, used inside sentences' });
  }
}

/** Said of a highlight whose passage is no longer in the article. */
export function orphanLabel(): string {
  return msg('không tìm được vị trí', { desc: 'A highlight whose passage is gone from the edited article; lower case, follows a dot' });
}
