// The extension's IndexedDB database names, in a module of their own: the matching worker's boot module reads
// both databases before Dexie loads (lib/db/boot-read.ts).
export const DB_NAME = 'questionnaire-autofill';
export const INDEX_CACHE_DB_NAME = 'questionnaire-autofill-match-index';
/** The BroadcastChannel on which extension pages announce entry changes (lib/db/entry-changes.ts). */
export const ENTRY_CHANGES_CHANNEL = 'questionnaire-autofill:entries';
