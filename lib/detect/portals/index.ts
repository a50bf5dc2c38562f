// Portal adapters, tried in this order; the generic detector covers every page none of them recognises.
import type { PortalAdapter } from '../types';
import { onetrustAdapter } from './onetrust';
import { processunityAdapter } from './processunity';
import { servicenowAdapter } from './servicenow';

export const portalAdapters: PortalAdapter[] = [onetrustAdapter, processunityAdapter, servicenowAdapter];
