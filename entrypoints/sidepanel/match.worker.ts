// The side panel's matching worker (a module worker the panel starts): matching and index building run here,
// off the panel's main thread. The logic is lib/panel/match-worker-core.ts.
import { createMatchWorkerCore } from '../../lib/panel/match-worker-core';

const receive = createMatchWorkerCore((message) => self.postMessage(message));
self.onmessage = (event: MessageEvent<unknown>) => receive(event.data);
