// The panel's outside world (page, matcher, library store) handed to components through React context,
// so views stay free of browser-extension calls and can run against other implementations.
import { createContext, useContext, type ReactNode } from 'react';
import type { ProposeInBatchesFn } from '../../lib/panel/batched-proposer';
import type { ContentPort, LibraryStore, MapChoiceFn, ProposeFn } from '../../lib/panel/ports';

export interface PanelServices {
  /** The page in one browser tab. */
  contentPort(tabId: number): ContentPort;
  /** Ids of the browser's open tabs (a pending fill of a closed tab can no longer be read back). */
  openTabIds(): Promise<number[]>;
  propose: ProposeFn;
  /** Matching off the main thread, in batches; when absent, `propose` runs on the main thread. */
  proposeInBatches?: ProposeInBatchesFn;
  mapChoice: MapChoiceFn;
  library: LibraryStore;
  /** Switches the panel to the Library view showing one entry. */
  showLibraryEntry(entryId: string): void;
}

const Context = createContext<PanelServices | undefined>(undefined);

export function PanelServicesProvider({ services, children }: { services: PanelServices; children: ReactNode }) {
  return <Context.Provider value={services}>{children}</Context.Provider>;
}

export function usePanelServices(): PanelServices {
  const services = useContext(Context);
  if (!services) throw new Error('usePanelServices: the panel is rendered without a PanelServicesProvider');
  return services;
}
