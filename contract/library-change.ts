// The `library.changed` event's payload, also how search learns what to re-index.

/** What changed in the library, for events and for keeping the search index current. */
export interface LibraryChange {
  /** Articles whose searchable content or state changed, or that were added. */
  changed: string[];
  /** Articles removed for good (trash emptied). */
  removed: string[];
  generation: number;
}
