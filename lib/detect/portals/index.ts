// Portal adapters, tried in this order; the generic detector covers every page none of them recognises.
import type { PortalAdapter } from '../types';

export const portalAdapters: PortalAdapter[] = [];
