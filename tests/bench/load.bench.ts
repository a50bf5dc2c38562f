// Load benchmark: the security-load scenario (20,000 entries imported through the Library view, a 1,000-question
// page, scrolling, a fill, three re-scans) timed in the real browser, each figure beside its target.
// Needs the e2e build: `npm run build:e2e` (EXTENSION_DIR follows QA_OUT_DIR).
import { launchWithExtension, openPanelTab, HOSTS } from '../e2e/support/extension';
import { runLoadScenario } from '../e2e/support/load-flow';
import { startFixtureServer } from '../e2e/support/server';

/** Targets per figure (ms); figures without one are reported only. */
const TARGETS: Record<string, number> = {
  'import 20,000 entries (preview + apply)': 3000,
  'panel open to 1,000 proposals': 3000,
  'accept & fill, click to Filled': 500,
  're-scan (mean of 3)': 1000,
  'longest panel task while opening (index build + first matching)': 50,
  'longest panel task while scrolling, filling, re-scanning': 50,
  'slowest click or key press in the panel (Event Timing)': 200,
};

function line(name: string, ms: number): string {
  const target = TARGETS[name];
  const verdict = target === undefined ? '' : ` (target <= ${target} ms) ${ms <= target ? 'OK' : 'OVER TARGET'}`;
  return `${name}: ${ms} ms${verdict}`;
}

export async function run(): Promise<void> {
  const server = await startFixtureServer();
  const context = await launchWithExtension();
  try {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(sw.url()).host;
    const url = `http://${HOSTS.servicenow}:${server.port}/portals/hostile/thousand-questions.html`;
    const r = await runLoadScenario(context, extensionId, url, (target) => openPanelTab(context, sw, extensionId, target));
    const figures: Record<string, number> = {
      ...r.timings,
      'longest panel task while opening (index build + first matching)': r.longestOpeningTaskMs,
      'longest panel task while scrolling, filling, re-scanning': r.longestTaskMs,
      'slowest click or key press in the panel (Event Timing)': r.slowestInputMs,
    };
    for (const [name, ms] of Object.entries(figures)) console.log(line(name, ms));
    console.log(`long tasks (over 50 ms) while scrolling, filling, re-scanning: ${r.longTasks}`);
    console.log(`panel JS heap after 3 re-scans: ${r.heapEndMb.toFixed(1)} MB (start ${r.heapStartMb.toFixed(1)} MB); portal page heap ${r.pageHeapMb.toFixed(1)} MB`);
  } finally {
    await context.close();
    await server.close();
  }
}
