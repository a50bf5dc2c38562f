// The real outside world of the side panel: content script messaging, the matcher and the library database.
import { mapChoice } from '../../lib/match';
import { createProposer } from '../../lib/panel/propose';
import type { PanelServices } from '../../components/common/PanelServices';
import { createContentPort } from './content-port';
import { createLibraryStore } from './library-store';

export function createPanelServices(showLibraryEntry: (entryId: string) => void): PanelServices {
  return {
    contentPort: createContentPort,
    propose: createProposer(),
    mapChoice: (entry, options) => mapChoice(entry, options),
    library: createLibraryStore(),
    showLibraryEntry,
  };
}
