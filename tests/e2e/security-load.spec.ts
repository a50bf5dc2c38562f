// Load: a 20,000-entry library and a 1,000-question page. The panel must propose for every question, render only
// what is visible and keep its memory bounded across re-scans. How long each step takes is measured by
// `npm run bench -- load` (tests/bench/load.bench.ts), never asserted here: a busy machine must not fail the suite.
import { test, expect } from './support/extension';
import { runLoadScenario } from './support/load-flow';
import { LOAD_PAGE_QUESTIONS } from '../fixtures/portals/hostile/load-library';

test('a 20,000-entry library on a 1,000-question page: proposals for all, only visible cards rendered, bounded memory', async ({ context, extensionId, portalUrl, openPanel }) => {
  test.setTimeout(600_000);
  const run = await runLoadScenario(context, extensionId, portalUrl('servicenow', '/portals/hostile/thousand-questions.html'), openPanel);

  expect(run.proposed).toBeGreaterThanOrEqual(LOAD_PAGE_QUESTIONS * 0.95);
  expect(run.cardsInDom, 'the question list renders only what is visible').toBeLessThan(60);
  expect(run.heapEndMb, 'panel heap').toBeLessThan(400);
  expect(run.heapEndMb - run.heapStartMb, 'panel heap growth over three re-scans').toBeLessThan(40);
  expect(run.pageHeapMb, 'portal page heap').toBeLessThan(150);
});
