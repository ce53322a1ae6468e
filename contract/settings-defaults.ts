// The UI preferences' defaults and bounds, as plain data with no imports: the command contract's
// schema checks settings against them, and the renderer (which may not load the contract's runtime
// code) shows them before the host answers and bounds its sliders and separators with them.

export const THEMES = ['system', 'light', 'dark', 'sepia'] as const;
export type Theme = (typeof THEMES)[number];
export const LOCALE_SETTINGS = ['system', 'vi', 'en'] as const;
export type LocaleSetting = (typeof LOCALE_SETTINGS)[number];

/** Citation styles: APA and Chicago (author-date) from CSL, and the plain Vietnamese press style of annotations/citation-styles.ts. */
export const CITATION_STYLES = ['vi-press', 'apa', 'chicago'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

export const SETTINGS_BOUNDS = {
  fontSize: { min: 12, max: 32 },
  lineWidth: { min: 45, max: 100 },
  sidebarWidth: { min: 120, max: 600 },
  listWidth: { min: 200, max: 900 },
} as const;

// Frozen: the host and the renderer hand out this one object as the starting settings.
export const SETTINGS_DEFAULTS = Object.freeze({
  theme: 'system',
  locale: 'system',
  fontFamily: 'serif',
  fontSize: 19,
  lineWidth: 68,
  paneSizes: Object.freeze({ sidebar: 220, list: 380 } as const),
  citationStyle: 'vi-press',
  /** Keep the photos of imported pages and feed items in the library. */
  downloadPhotos: true,
} as const);
