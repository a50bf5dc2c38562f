// Accessibility checks with axe, run inside the page under test. Legacy mode: the default mode opens a blank page
// of its own to merge frame results, and a new active tab is exactly what the side panel follows (it parks an open
// bulk preview and moves to that tab), so the check would change the state it checks.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Runs axe on `page` (only inside `include`, when given) and returns its violations as readable lines. */
export async function a11yViolations(page: Page, include?: string, impacts?: ReadonlyArray<string>): Promise<string[]> {
  let builder = new AxeBuilder({ page }).setLegacyMode(true);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => !impacts || impacts.includes(v.impact ?? ''))
    .map((v) => `${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** No serious or critical axe violation on `page`; `state` names what was on screen, for the failure message. */
export async function expectNoSeriousA11yIssues(page: Page, state: string): Promise<void> {
  const bad = await a11yViolations(page, undefined, ['serious', 'critical']);
  expect(bad.map((line) => `${state}: ${line}`)).toEqual([]);
}
