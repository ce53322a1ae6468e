import type { AnnotationColor, AnnotationViewFilter, ArticlePatch, BriefFormat, BriefOrder, CitationStyle, KeepDays, ListSort, ListView, SearchFilters, SearchHit, Settings } from '../contract/index.ts';

/**
 * Every `nr-*` custom event the renderer's elements send, with its detail, declared once here and in
 * GlobalEventHandlersEventMap so listeners and `emit` are typed. The detail types are plain data (no
 * DOM), so the state classes under renderer/state/ use them too.
 */

/** A body range [start, end) in UTF-16 code units of Article.body. */
export interface TextRange {
  start: number;
  end: number;
}

/** Which part of the library the list shows. */
export interface LibrarySelection {
  view: ListView;
  tag?: string;
  source?: string;
  collection?: string;
  /** A subscribed source's id: the articles it brought. */
  sourceId?: string;
}

/** Some settings to apply and remember. */
export type SettingsPatch = Partial<Settings>;

/** What the reader asks the app to create: a highlight of body[start, end), maybe with a note to write. */
export interface AnnotateRequest extends TextRange {
  color: AnnotationColor;
  withNote: boolean;
}

/** Where the reader is in an article: the scrolled fraction 0..1 of what can be scrolled. */
export interface ReadingPosition {
  id: string;
  position: number;
}

export interface AnnotationUpdate {
  id: string;
  patch: { note?: string; color?: AnnotationColor };
}

export type ExportFormat = 'md' | 'jsonld';

export interface OpenAnnotation {
  articleId: string;
  id: string;
}

export interface ColorRename {
  color: AnnotationColor;
  label: string;
}

/** What a splitter reports: the new size of the pane on its left, and whether the gesture is over. */
export interface PaneResize {
  size: number;
  /** False while dragging (the layout follows live), true once the size should be remembered. */
  done: boolean;
}

/** A row picked for a bulk action: Ctrl/⌘-click or `x` toggles it, Shift-click extends the range to it. */
export interface PickRequest {
  id: string;
  range: boolean;
}

/** A click on a row with Shift, Ctrl or ⌘ picks it instead of opening it; null for a plain click. */
export function pickOf(event: MouseEvent, id: string): PickRequest | null {
  if (!event.shiftKey && !event.ctrlKey && !event.metaKey) return null;
  return { id, range: event.shiftKey };
}

/** The All annotations view's filters besides the colour chips (which send nr-annotations-filter). */
export type AnnotationViewQuery = Pick<AnnotationViewFilter, 'articleId' | 'articleTag' | 'source' | 'from' | 'to' | 'text' | 'by'>;

/** What the brief export form asks for; the filter is the view's, the language and time zone the reader's. */
export interface BriefRequest {
  format: BriefFormat;
  order: BriefOrder;
  style: CitationStyle;
}

/**
 * A retention picked in <nr-retention-field>: the folder's (null), forever, a number of days, or
 * 'invalid' while the days typed are not a whole number in range.
 */
export type RetentionChoice = KeepDays | 'invalid';

export type SelectionAction = { action: 'highlight'; color: AnnotationColor } | { action: 'note' } | { action: 'copy' };

/** Each event's detail; `undefined` for events that carry none. */
export interface NrEventDetails {
  // nr-search-box, nr-search-filters, nr-search-results
  'nr-search': string;
  /** What the search box holds after a key (the query is searched while typing pauses); `nr-search` is Enter or Esc. */
  'nr-search-input': string;
  'nr-filters-change': SearchFilters;
  'nr-open-hit': SearchHit;
  'nr-clear-filters': undefined;
  'nr-search-suggestion': string;
  'nr-search-more': undefined;
  // nr-sidebar
  'nr-select': LibrarySelection;
  'nr-show-annotations': undefined;
  'nr-open-settings': undefined;
  'nr-open-shortcuts': undefined;
  // nr-article-list
  'nr-open': string;
  'nr-sort': ListSort;
  'nr-need-more': undefined;
  // nr-list-pane (the first-run page)
  'nr-choose-files': undefined;
  // nr-all-annotations, nr-annotation-list
  'nr-annotations-filter': AnnotationColor | null;
  'nr-open-annotation': OpenAnnotation;
  'nr-rename-color': ColorRename;
  'nr-annotation-export': ExportFormat;
  'nr-annotation-reveal': string;
  'nr-annotation-edit': string | null;
  /** Esc or "Huỷ" in a note editor (the annotation's id): a highlight made for that note and left empty goes. */
  'nr-annotation-cancel': string;
  'nr-annotation-update': AnnotationUpdate;
  'nr-annotation-delete': string;
  // nr-import-status
  'nr-cancel-import': undefined;
  'nr-dismiss': undefined;
  // nr-splitter
  'nr-resize': PaneResize;
  // nr-settings, nr-shortcut-sheet (nr-close: any modal dialog)
  'nr-settings-change': SettingsPatch;
  'nr-library-moved': string;
  'nr-close': undefined;
  // nr-reader, nr-article-details, nr-selection-toolbar
  'nr-reading-position': ReadingPosition;
  'nr-mark-read': string;
  'nr-step-article': -1 | 1;
  'nr-toggle-focus': undefined;
  'nr-article-patch': ArticlePatch;
  'nr-annotate': AnnotateRequest;
  'nr-copy-quote': TextRange;
  'nr-annotation-activate': string;
  'nr-toggle-annotations': undefined;
  'nr-back': undefined;
  'nr-toggle-star': undefined;
  'nr-toggle-read': undefined;
  'nr-toggle-archive': undefined;
  'nr-trash': undefined;
  'nr-restore': undefined;
  'nr-selection-action': SelectionAction;
  // nr-menu-button: the id of the chosen item
  'nr-menu-select': string;
  // nr-source-tree, the header, a link dropped on the window (nr-source-dialogs opens the dialogs)
  'nr-add-source': { url?: string };
  'nr-source-settings': string;
  // nr-source-tree: a folder's settings (its name)
  'nr-folder-settings': string;
  // nr-article-list, nr-search-results (bulk selection), nr-saved-searches
  'nr-pick': PickRequest;
  'nr-run-saved-search': { query: string; filters: SearchFilters };
  // nr-date-field, nr-all-annotations, nr-brief-export (issue 16: dates in the UI language, filters, briefs)
  'nr-date-change': string | null;
  'nr-annotations-view-filter': AnnotationViewQuery;
  'nr-brief-export': BriefRequest;
  'nr-citation-style': CitationStyle;
  // nr-retention-field (in nr-source-settings, nr-folder-settings)
  'nr-retention-change': RetentionChoice;
  // nr-archive-link-preview: the person's answer to "link to this archive?"
  'nr-archive-link-confirm': undefined;
  'nr-archive-link-cancel': undefined;
}

export type NrEventName = keyof NrEventDetails;

type NrEventMap = { [K in NrEventName]: CustomEvent<NrEventDetails[K]> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges the events into the DOM's map
  interface GlobalEventHandlersEventMap extends NrEventMap {}
}

/** Events meant for the element's owner only: they neither bubble nor leave the shadow root. */
const LOCAL: ReadonlySet<NrEventName> = new Set(['nr-selection-action', 'nr-menu-select']);

type DetailArgument<K extends NrEventName> = NrEventDetails[K] extends undefined ? [] : [detail: NrEventDetails[K]];

/** Sends a typed `nr-*` event from an element; it bubbles out of shadow roots unless it is a local one. */
export function emit<K extends NrEventName>(target: EventTarget, name: K, ...[detail]: DetailArgument<K>): void {
  const local = LOCAL.has(name);
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: !local, composed: !local }));
}
