// The four highlight colours and their default meanings, as plain data with no imports: the
// annotation model, the contract's schemas and the renderer (which may load no core runtime code)
// all read them from here.

export const ANNOTATION_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type AnnotationColor = (typeof ANNOTATION_COLORS)[number];

/** What each colour means. The user can rename them; the names live in a setting, not on annotations. */
export type ColorLabels = Record<AnnotationColor, string>;

export const DEFAULT_COLOR_LABELS: Readonly<ColorLabels> = Object.freeze({
  yellow: 'quote',
  green: 'verify',
  blue: 'figure',
  pink: 'idea',
});

export const DEFAULT_ANNOTATION_COLOR: AnnotationColor = 'yellow';
