// Questions that appear later (conditional questions, lazy sections, SPA navigation) reach the extension as
// `questions-changed`; keys stay stable across re-render and reload; frames answer according to frame-role.ts.
import { test, expect } from './support/extension';
import { contentFrames, fillPage, question, scanPage, watchQuestionsChanged } from './support/content';

test('conditional and lazily loaded questions are reported by questions-changed', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('buyer', '/portals/generic/conditional.html'));
  const scan = await scanPage(sw, page);
  expect(scan.questions.map((q) => q.text)).toEqual(['Is customer data encrypted in transit?']);
  const changes = await watchQuestionsChanged(sw, page);

  await fillPage(sw, page, [{ fieldId: question(scan, 'encrypted').fieldId, value: 'No' }]);
  await expect.poll(async () => (await changes.take()).at(-1)?.scan.questions.map((q) => q.text)).toEqual([
    'Is customer data encrypted in transit?',
    'When will encryption in transit be enabled?',
  ]);
  const followUp = question((await changes.take()).at(-1)!.scan, 'When will');
  expect(followUp).toMatchObject({ kind: 'date', frameId: 0 });

  await page.click('#load-more');
  await expect.poll(async () => (await changes.take()).at(-1)?.scan.questions.length).toBe(3);
  const last = (await changes.take()).at(-1)!.scan;
  expect(question(last, 'logs retained')).toMatchObject({ section: 'Logging', kind: 'text' });
  // Debounced: one message per burst of changes, not one per mutation.
  expect((await changes.take()).length).toBeLessThanOrEqual(3);
  await changes.stop();
});

test('SPA navigation replaces the questions and is reported', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('buyer', '/portals/generic/spa.html'));
  const scan = await scanPage(sw, page);
  expect(scan.questions.map((q) => q.text)).toEqual(['Who is accountable for information security?']);
  const changes = await watchQuestionsChanged(sw, page);
  await page.click('#to-step-2');
  await expect.poll(async () => (await changes.take()).at(-1)?.scan.questions.map((q) => q.text)).toEqual(['How often are backups restored as a test?']);
  expect((await changes.take()).at(-1)?.scan.url).toContain('step=2');
  await changes.stop();
});

test('keys are stable across a re-render and a reload; field ids are not reused after reload', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('buyer', '/portals/generic/table-questionnaire.html'));
  const first = await scanPage(sw, page);
  await page.evaluate(() => {
    const body = document.querySelector('tbody')!;
    body.innerHTML = body.innerHTML; // a framework re-render: new elements, same questions
  });
  const rerendered = await scanPage(sw, page);
  expect(rerendered.questions.map((q) => q.key)).toEqual(first.questions.map((q) => q.key));
  await page.reload();
  const reloaded = await scanPage(sw, page);
  expect(reloaded.questions.map((q) => q.key)).toEqual(first.questions.map((q) => q.key));
  expect(reloaded.questions.map((q) => q.fieldId).filter((id) => first.questions.some((q) => q.fieldId === id))).toEqual([]);
  // Ids from before the reload are not found any more, rather than hitting another field.
  const old = await fillPage(sw, page, [{ fieldId: first.questions[0]!.fieldId, value: 'Yes' }]);
  expect(old[0]?.status).toBe('not-found');
});

test('a cross-origin portal frame is refused until its origin is allowed for the tab, then answers for itself with its own ids; a foreign frame stays silent', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('buyer', '/portals/generic/portal-frame-host.html'));
  await page.waitForLoadState('load');
  await expect.poll(() => page.frames().length).toBe(3);
  // A portal host name is no reason to trust a frame: only the tab's origin or one the analyst allowed.
  const portalOrigin = new URL(page.frames().find((f) => f.url().includes('servicenowservices'))!.url()).origin;
  expect(await contentFrames(sw, page)).toEqual([0]);
  const refused = await scanPage(sw, page);
  expect(refused.questions.map((q) => q.text)).toEqual(['Company registration number']);
  expect(refused.refusedFrameOrigins).toEqual([portalOrigin]);
  const frames = await contentFrames(sw, page, [portalOrigin]);
  expect(frames.length).toBe(2); // top + allowed portal frame; no host access to the foreign frame
  const scan = await scanPage(sw, page, [portalOrigin]);
  expect(scan.questions.map((q) => [q.text, q.frameId === 0 ? 'top' : 'frame'])).toEqual([
    ['Company registration number', 'top'],
    ['How often do you run external vulnerability scans?', 'frame'],
    ['What is your patching SLA for critical vulnerabilities?', 'frame'],
  ]);
  const top = question(scan, 'registration');
  const framed = question(scan, 'patching SLA');
  expect(top.fieldId.split(':')[0]).not.toBe(framed.fieldId.split(':')[0]);
  expect(framed.frameOrigin).toBe(portalOrigin);
  const results = await fillPage(sw, page, [
    { fieldId: framed.fieldId, value: '14 days' },
    { fieldId: top.fieldId, value: 'HRB 12345' },
  ], [portalOrigin]);
  expect(results.map((r) => r.status)).toEqual(['filled', 'filled']);
  await expect(page.frameLocator('#portal').locator('#sla')).toHaveValue('14 days');
  await expect(page.locator('#duns')).toHaveValue('HRB 12345');
});

test('on-demand injection happens once: a second request keeps the running script and its field ids', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('buyer', '/portals/generic/label-for.html'));
  const scan = await scanPage(sw, page);
  expect(await contentFrames(sw, page)).toEqual([0]);
  const results = await fillPage(sw, page, [{ fieldId: question(scan, 'Legal entity').fieldId, value: 'Still the same script' }]);
  expect(results[0]?.status).toBe('filled');
});

test('a dimmed page (clickjacking trick) is refused', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('buyer', '/portals/generic/label-for.html'));
  const scan = await scanPage(sw, page);
  await page.evaluate(() => {
    document.body.style.opacity = '0.5';
  });
  const results = await fillPage(sw, page, [{ fieldId: question(scan, 'Legal entity').fieldId, value: 'x' }]);
  expect(results[0]).toMatchObject({ status: 'refused', message: 'the page is made transparent' });
  await expect(page.locator('#legal')).toHaveValue('');
});

test('questions in off-screen content-visibility:auto sections are detected; a closed <details> is not until opened', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('buyer', '/portals/generic/definition-list.html'));
  await page.evaluate(() => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div style="height:4000px"></div><section style="content-visibility:auto;contain-intrinsic-size:auto 200px"><h2>Far below</h2>' +
        '<p><label for="far">Do you run tabletop exercises?</label><input id="far"></p></section>' +
        '<details id="more"><summary>More</summary><p><label for="inside">Collapsed question about audits?</label><input id="inside"></p></details>',
    );
  });
  const scan = await scanPage(sw, page);
  expect(question(scan, 'tabletop')).toMatchObject({ section: 'Far below', textSource: 'label-for' });
  expect(scan.questions.some((q) => q.text.includes('Collapsed question'))).toBe(false);
  await page.evaluate(() => ((document.getElementById('more') as HTMLDetailsElement).open = true));
  expect(question(await scanPage(sw, page), 'Collapsed question').kind).toBe('text');
});

test('an answer typed on the page is reported with its new value', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('buyer', '/portals/generic/label-for.html'));
  await scanPage(sw, page);
  const changes = await watchQuestionsChanged(sw, page);
  await page.fill('#legal', 'Typed by the analyst');
  await page.locator('#legal').blur();
  await expect.poll(async () => (await changes.take()).at(-1)?.scan.questions.find((q) => q.text === 'Legal entity name')?.currentValue).toBe('Typed by the analyst');
  await changes.stop();
});
