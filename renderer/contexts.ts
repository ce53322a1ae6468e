import { createContext } from '@lit/context';
import type { AnnotationSession } from './state/annotation-session.ts';
import type { AppState } from './state/app-state.ts';
import type { ArchiveModel } from './state/archive-model.ts';
import type { LibraryView } from './state/library-view.ts';
import type { Notices } from './state/notices.ts';
import type { ReadingSession } from './state/reading-session.ts';
import type { SearchSession } from './state/search-session.ts';
import type { SettingsModel } from './state/settings-model.ts';
import type { SourcesModel } from './state/sources-model.ts';
import type { BulkSelection } from './state/bulk-selection.ts';
import type { SavedSearches } from './state/saved-searches.ts';

// The keys under which <nr-app> provides its state to the elements inside it (@lit/context). The state
// classes themselves know nothing of Lit; only this file and the elements do.
export const appStateContext = createContext<AppState>(Symbol('nr-app-state'));
export const libraryContext = createContext<LibraryView>(Symbol('nr-library'));
export const searchContext = createContext<SearchSession>(Symbol('nr-search'));
export const readingContext = createContext<ReadingSession>(Symbol('nr-reading'));
export const annotationsContext = createContext<AnnotationSession>(Symbol('nr-annotations'));
export const settingsContext = createContext<SettingsModel>(Symbol('nr-settings'));
export const noticesContext = createContext<Notices>(Symbol('nr-notices'));
export const sourcesContext = createContext<SourcesModel>(Symbol('nr-sources'));
export const bulkContext = createContext<BulkSelection>(Symbol('nr-bulk'));
export const savedSearchesContext = createContext<SavedSearches>(Symbol('nr-saved-searches'));
export const archiveContext = createContext<ArchiveModel>(Symbol('nr-archive'));
