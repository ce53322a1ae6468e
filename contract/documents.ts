// Plain types of imported documents (PDF, DOCX, EPUB) that hosts and the renderer share.

/** The original file an article was imported from, as kept in the library. */
export interface OriginalFileInfo {
  /** The file's name when it was imported. */
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}
