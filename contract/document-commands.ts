// The commands of imported documents (PDF, DOCX, EPUB): their kept original files. Joined into the one
// table by commands.ts.
import * as v from 'valibot';
import { returns } from './returns.ts';
import { command, Id } from './command-spec.ts';
import type { OriginalFileInfo } from './documents.ts';

const ArticleId = v.strictObject({ articleId: Id });

export const documentCommands = {
  'documents.original': command('The original file (PDF, DOCX, EPUB) an article was imported from, if the library keeps one.', ArticleId, returns<OriginalFileInfo | null>()),
  // The desktop app opens the file in the system's viewer; the renderer never learns its path.
  'documents.openOriginal': command('Open the article’s original file in the system’s viewer (desktop app).', ArticleId, returns<{ opened: true }>(), ['ipc']),
  // A path on this computer: for the command line, and for hosts' own trusted calls (serve's download route).
  'documents.originalPath': command('Where the article’s original file is kept on this computer.', ArticleId, returns<(OriginalFileInfo & { path: string }) | null>(), ['cli']),
};
