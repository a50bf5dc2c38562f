// Every generic fixture scanned by the built extension in Chromium and compared with its expected-result file.
import { test, expect } from './support/extension';
import { scanPage } from './support/content';
import { comparableQuestions, loadExpectations } from '../fixtures/portals/generic/expectations';
import { buildReactFixture } from '../fixtures/portals/generic/build-react-fixture';

test.beforeAll(async () => {
  await buildReactFixture();
});

for (const expectation of loadExpectations()) {
  test(`generic fixture ${expectation.fixture} is detected as expected`, async ({ context, sw, portalUrl }) => {
    const page = await context.newPage();
    await page.goto(portalUrl('buyer', `/portals/generic/${expectation.fixture}`));
    await page.waitForLoadState('load');
    const scan = await scanPage(sw, page);
    expect(comparableQuestions(scan)).toEqual(expectation.questions);
    // Keys are unique and every question has its own field id.
    expect(new Set(scan.questions.map((q) => q.key)).size).toBe(scan.questions.length);
    expect(new Set(scan.questions.map((q) => q.fieldId)).size).toBe(scan.questions.length);
  });
}
