// What a failed panel test leaves for whoever reads its report: each open side panel's summary and error lines, its
// opening marks (lib/panel/open-marks.ts) and those of each of its workers (name, marks). A test that fails with
// cards still matching then says how far the panel and its matching worker got.
import { writeFileSync } from 'node:fs';
import type { BrowserContext, TestInfo } from '@playwright/test';

const marks = () => performance.getEntriesByType('mark').map((m) => `${m.name} @${Math.round(m.startTime)}`);

export async function attachPanelDiagnostics(context: BrowserContext, testInfo: TestInfo): Promise<void> {
  if (testInfo.status === testInfo.expectedStatus) return;
  const panels = context.pages().filter((p) => p.url().includes('/sidepanel.html'));
  const report = await Promise.all(
    panels.map(async (panel) => ({
      url: panel.url(),
      summary: await panel.getByTestId('page-summary').textContent({ timeout: 1_000 }).catch(() => null),
      errors: await panel.locator('[role="alert"]').allTextContents().catch(() => []),
      marks: await panel.evaluate(marks).catch((e: unknown) => [String(e)]),
      workers: await Promise.all(
        panel.workers().map(async (worker) => ({
          url: worker.url(),
          ...(await worker
            .evaluate(() => ({ name: self.name, marks: performance.getEntriesByType('mark').map((m) => `${m.name} @${Math.round(m.startTime)}`) }))
            .catch((e: unknown) => ({ error: String(e) }))),
        })),
      ),
    })),
  );
  // A file in the test's output folder (kept for a failed test), also attached to the report.
  const path = testInfo.outputPath('panel-diagnostics.json');
  writeFileSync(path, JSON.stringify(report, null, 2));
  await testInfo.attach('panel-diagnostics', { path, contentType: 'application/json' });
}
