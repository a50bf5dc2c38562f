// ServiceNow with the built extension: the Service Portal survey (AngularJS + select2 3.5), the classic
// assessment in the UI16 and Next Experience shells, and the TPRM /svdp questionnaire. Detection is checked
// question by question; fills are checked in the page's own state (Angular model, classic form inputs, the
// questionnaire's saved responses); no Save or Submit is ever sent.
import type { Page, Request, Worker } from '@playwright/test';
import { test, expect } from './support/extension';
import { fillPage, openSection as openSectionInTab, scanPage as scan, watchQuestionsChanged } from './support/content';
import type { DetectedQuestion, FieldValue, FillResult, PageScan } from '../../lib/schema';

function fill(sw: Worker, page: Page, requests: { fieldId: string; value: FieldValue }[]): Promise<FillResult[]> {
  return fillPage(sw, page, requests);
}

async function openSection(sw: Worker, page: Page, index: number): Promise<void> {
  expect(await openSectionInTab(sw, page, index)).toBe(true);
}

function byText(s: PageScan, text: string): DetectedQuestion {
  const q = s.questions.find((x) => x.text === text);
  if (!q) throw new Error(`question "${text}" not detected; got: ${s.questions.map((x) => x.text).join(' | ')}`);
  return q;
}

/** Number, text, kind, options, required, section, writer and whether a comment box belongs to it. */
function summary(s: PageScan) {
  return s.questions.map((q) => [q.number, q.text, q.kind, q.options, q.required, q.section ?? null, q.writer, q.commentFieldId !== undefined]);
}

async function contentLoaded(page: Page, frame = page.mainFrame()): Promise<void> {
  await frame.waitForFunction(() => document.documentElement.dataset.qaContent === 'loaded');
}

/** Records every POST the page (or its frames) sends: filling must never save or submit. */
function recordPosts(page: Page): Request[] {
  const posts: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(r);
  });
  return posts;
}

function expectAllFilled(results: FillResult[]): void {
  expect(results.map((r) => [r.status, r.message ?? ''])).toEqual(results.map(() => ['filled', '']));
}

test.describe('ServiceNow Service Portal take_survey', () => {
  const modelOf = (page: Page) =>
    page.evaluate(() => {
      const c = (window as unknown as { angular: { element(e: Element | null): { controller(): { data: SurveyData } } } }).angular
        .element(document.getElementById('sp_survey_root'))
        .controller();
      type SurveyData = { questions: { idList: string[]; idMap: Record<string, { number: string; value: string; add_info: string; choices: { label: string; selected?: boolean }[] }> } };
      return Object.fromEntries(
        c.data.questions.idList.map((id) => {
          const q = c.data.questions.idMap[id]!;
          return [q.number, { value: q.value, addInfo: q.add_info, selected: q.choices.filter((ch) => ch.selected).map((ch) => ch.label) }];
        }),
      );
    });

  test('detects every question once, fills every kind through the widgets, and the Angular model holds the answers', async ({ context, sw, portalUrl }) => {
    const page = await context.newPage();
    const posts = recordPosts(page);
    await page.goto(portalUrl('servicenow', '/sp?id=take_survey&instance_id=9d3c1f0e2b4a4c6d8e0f1a2b3c4d5e6f'));
    await contentLoaded(page);

    const intro = await scan(sw, page);
    expect(intro.portal).toBe('servicenow');
    expect(intro.pageKind).toBe('sp-take-survey');
    expect(intro.questions).toEqual([]);
    expect(intro.warnings).toEqual([]);

    await page.getByRole('button', { name: 'Get Started' }).click();
    await page.locator('.hidden-xs .select2-container').nth(1).waitFor();

    const first = await scan(sw, page);
    expect(first.warnings).toEqual([]);
    expect(first.sections).toEqual({ names: ['Page 1', 'Page 2'], open: 0 });
    expect(summary(first)).toEqual([
      ['1', 'Company legal name', 'text', [], true, 'Access Control', 'input', false],
      ['2', 'Describe your user access review process', 'textarea', [], false, 'Access Control', 'textarea', false],
      ['3', 'Do you enforce multi-factor authentication for all remote access?', 'yesno', ['Not Applicable', 'Yes', 'No'], true, 'Access Control', 'select2', true],
      ['5', 'How often are privileged access rights reviewed?', 'single-choice', ['Not Applicable', 'Monthly', 'Quarterly', 'Annually', 'Never'], false, 'Access Control', 'select2', true],
    ]);
    expect(first.questions.map((q) => q.key)).toEqual([
      'servicenow:a1f0c3e21b2a4d10b8e2f1a7c9d04e01',
      'servicenow:a1f0c3e21b2a4d10b8e2f1a7c9d04e02',
      'servicenow:a1f0c3e21b2a4d10b8e2f1a7c9d04e03',
      'servicenow:a1f0c3e21b2a4d10b8e2f1a7c9d04e05',
    ]);
    expect(byText(first, 'Describe your user access review process').helpText).toBe('Include frequency, scope and who approves.');

    // The fixture behaves like spChoiceList: a bare native change on the hidden <select> never reaches the model.
    await page.evaluate(() => {
      const select = document.querySelectorAll<HTMLSelectElement>('.hidden-xs select')[1]!;
      select.value = 'quarterly';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect((await modelOf(page))['5']?.value).toBe('');

    const changes = await watchQuestionsChanged(sw, page);
    const mfa = byText(first, 'Do you enforce multi-factor authentication for all remote access?');
    const reviews = byText(first, 'How often are privileged access rights reviewed?');
    expectAllFilled(
      await fill(sw, page, [
        { fieldId: byText(first, 'Company legal name').fieldId, value: 'Northwind Cloud Ltd' },
        { fieldId: byText(first, 'Describe your user access review process').fieldId, value: 'Quarterly reviews.\nApproved by system owners.' },
        { fieldId: mfa.fieldId, value: 'Yes' },
        { fieldId: mfa.commentFieldId!, value: 'Enforced by the identity provider for VPN and SaaS.' },
        { fieldId: reviews.fieldId, value: 'Quarterly' },
      ]),
    );
    let model = await modelOf(page);
    expect(model['1']?.value).toBe('Northwind Cloud Ltd');
    expect(model['2']?.value).toBe('Quarterly reviews.\nApproved by system owners.');
    expect(model['3']).toEqual({ value: '1', addInfo: 'Enforced by the identity provider for VPN and SaaS.', selected: [] });
    // The hidden <select> already held "quarterly" from the bare change above; the model still got it.
    expect(model['5']?.value).toBe('quarterly');
    await expect(page.locator('.hidden-xs .select2-chosen')).toHaveText(['Yes', 'Quarterly']);
    await expect(page.locator('#select2-drop.select2-drop-active')).toHaveCount(0);

    // Choosing another option through select2 again replaces the answer.
    expectAllFilled(await fill(sw, page, [{ fieldId: reviews.fieldId, value: 'Not Applicable' }]));
    expect((await modelOf(page))['5']?.value).toBe('-1');

    // Clearing (what undo sends) goes through select2's UI: a non-mandatory list's "-- None --" option.
    const cleared = await fill(sw, page, [{ fieldId: reviews.fieldId, value: null }]);
    expect(cleared.map((r) => [r.status, r.previous])).toEqual([['filled', 'Not Applicable']]);
    expect((await modelOf(page))['5']?.value).toBe('');
    await expect(page.locator('.hidden-xs .select2-chosen').nth(1)).toHaveText('-- None --');
    await expect(page.locator('#select2-drop.select2-drop-active')).toHaveCount(0);
    expectAllFilled(await fill(sw, page, [{ fieldId: reviews.fieldId, value: 'Quarterly' }]));
    expect((await modelOf(page))['5']?.value).toBe('quarterly');

    // "Yes" reveals the dependent question; the content script reports it without being asked.
    await expect
      .poll(async () => (await changes.take()).some((c) => c.scan.questions.some((q) => q.text === 'Which MFA methods are supported?')))
      .toBe(true);
    await changes.stop();
    const withDependent = await scan(sw, page);
    expect(summary(withDependent).map((r) => r[0])).toEqual(['1', '2', '3', '4', '5']);
    const methods = byText(withDependent, 'Which MFA methods are supported?');
    expect([methods.kind, methods.options, methods.writer]).toEqual([
      'multi-choice',
      ['Authenticator app (TOTP)', 'FIDO2 security key', 'SMS one-time code'],
      'checkbox-group',
    ]);
    expect(methods.fieldId).not.toBe(mfa.fieldId);
    expect(byText(withDependent, 'Company legal name').fieldId).toBe(byText(first, 'Company legal name').fieldId);
    expectAllFilled(await fill(sw, page, [{ fieldId: methods.fieldId, value: ['FIDO2 security key', 'Authenticator app (TOTP)'] }]));
    expect((await modelOf(page))['4']?.selected).toEqual(['Authenticator app (TOTP)', 'FIDO2 security key']);

    // Category pagination: the adapter presses Next.
    await openSection(sw, page, 1);
    const second = await scan(sw, page);
    expect(second.sections).toEqual({ names: ['Page 1', 'Page 2'], open: 1 });
    expect(summary(second)).toEqual([
      ['6', 'Rate the maturity of your encryption key management', 'single-choice', ['Not Applicable', 'Initial', 'Developing', 'Defined', 'Managed', 'Optimized'], true, 'Data Protection', 'radio-group', false],
      ['7', 'Customer data is encrypted at rest', 'yesno', ['Yes', 'No'], false, 'Data Protection', 'checkbox-group', false],
      ['8', 'Date of your last external penetration test', 'date', [], false, 'Data Protection', 'date', false],
      ['9', 'Percentage of laptops with full-disk encryption', 'number', [], false, 'Data Protection', 'input', false],
      ['10', 'Upload your most recent SOC 2 Type II report', 'file', [], false, 'Data Protection', 'file', false],
    ]);
    const results = await fill(sw, page, [
      { fieldId: byText(second, 'Rate the maturity of your encryption key management').fieldId, value: 'Managed' },
      { fieldId: byText(second, 'Customer data is encrypted at rest').fieldId, value: 'Yes' },
      { fieldId: byText(second, 'Date of your last external penetration test').fieldId, value: '2026-03-01' },
      { fieldId: byText(second, 'Percentage of laptops with full-disk encryption').fieldId, value: '98' },
      { fieldId: byText(second, 'Upload your most recent SOC 2 Type II report').fieldId, value: 'soc2.pdf' },
    ]);
    expect(results.map((r) => r.status)).toEqual(['filled', 'filled', 'filled', 'filled', 'refused']);
    model = await modelOf(page);
    expect([model['6']?.value, model['7']?.value, model['8']?.value, model['9']?.value]).toEqual(['4', 'true', '2026-03-01', 98]);
    expect(model['1']?.value).toBe('Northwind Cloud Ltd');

    await openSection(sw, page, 0);
    await expect(page.locator('.hidden-xs .category-label')).toHaveText(['Access Control']);
    // A mandatory list has no None option: clearing presses select2's allowClear ×, and the model empties.
    const back = await scan(sw, page);
    const mfaAgain = byText(back, 'Do you enforce multi-factor authentication for all remote access?');
    const clearedMfa = await fill(sw, page, [{ fieldId: mfaAgain.fieldId, value: null }]);
    expect(clearedMfa.map((r) => [r.status, r.previous])).toEqual([['filled', 'Yes']]);
    expect((await modelOf(page))['3']?.value).toBe('');
    await expect(page.locator('.hidden-xs .select2-container').first()).not.toHaveClass(/select2-allowclear/);
    expect(posts.map((r) => r.url())).toEqual([]);
  });

  test('at phone width only the mobile copy is read, one question per page', async ({ context, sw, portalUrl }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 420, height: 800 });
    await page.goto(portalUrl('servicenow', '/sp?id=take_survey&instance_id=9d3c1f0e2b4a4c6d8e0f1a2b3c4d5e6f'));
    await contentLoaded(page);
    await page.getByRole('button', { name: 'Get Started' }).click();
    await page.locator('.visible-xs .question-label').waitFor();
    const s = await scan(sw, page);
    expect(summary(s)).toEqual([['1', 'Company legal name', 'text', [], true, 'Access Control', 'input', false]]);
    expect(s.sections?.names.length).toBe(9);
    expectAllFilled(await fill(sw, page, [{ fieldId: s.questions[0]!.fieldId, value: 'Northwind Cloud Ltd' }]));
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect(page.locator('.hidden-xs input[name$="a1f0c3e21b2a4d10b8e2f1a7c9d04e01"]')).toHaveValue('Northwind Cloud Ltd');
  });
});

test.describe('ServiceNow on a custom domain', () => {
  test('pages injected on demand are recognised by their markup alone', async ({ context, sw, portalUrl }) => {
    const page = await context.newPage();
    const posts = recordPosts(page);
    await page.goto(portalUrl('buyer', '/sp?id=take_survey&instance_id=9d3c1f0e2b4a4c6d8e0f1a2b3c4d5e6f'));
    await page.getByRole('button', { name: 'Get Started' }).click();
    await page.locator('.hidden-xs .select2-container').nth(1).waitFor();
    const survey = await scan(sw, page);
    expect([survey.portal, survey.pageKind, survey.questions.map((q) => q.number)]).toEqual(['servicenow', 'sp-take-survey', ['1', '2', '3', '5']]);
    expectAllFilled(await fill(sw, page, [{ fieldId: survey.questions[2]!.fieldId, value: 'No' }]));
    expect(await page.evaluate(() => document.querySelector('.hidden-xs .select2-chosen')?.textContent)).toBe('No');

    await page.goto(portalUrl('buyer', '/assessment_take2.do?sysparm_assessable_type=7c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f'));
    const classic = await scan(sw, page);
    expect([classic.portal, classic.pageKind, classic.questions.length, classic.warnings]).toEqual(['servicenow', 'classic-assessment', 7, []]);

    await page.goto(portalUrl('buyer', '/svdp'));
    await page.locator('sn-sae-assessment').locator('.sae-question-card').first().waitFor();
    const svdp = await scan(sw, page);
    expect([svdp.portal, svdp.pageKind, svdp.questions.map((q) => q.number)]).toEqual(['servicenow', 'svdp', ['1.1', '1.2', '1.3']]);
    expect(posts.map((r) => r.url())).toEqual([]);
  });
});

test.describe('ServiceNow classic assessment_take2.do', () => {
  const C = (n: number) => `c3a1e5f0b2d44f6a9e8d7c6b5a4f3e0${n}`;
  const shells = [
    { name: 'UI16 shell', path: '/nav_to.do?uri=assessment_take2.do%3Fsysparm_assessable_type%3D7c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f%26sysparm_assessable_sysid%3D9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b' },
    { name: 'Next Experience shell', path: '/now/nav/ui/classic/params/target/assessment_take2.do?sysparm_assessable_type=7c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f&sysparm_assessable_sysid=9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b' },
  ];

  for (const shell of shells) {
    test(`inside the ${shell.name}: detects every row and fills every kind into the classic form`, async ({ context, sw, portalUrl }) => {
      const page = await context.newPage();
      const posts = recordPosts(page);
      await page.goto(portalUrl('servicenow', shell.path));
      await contentLoaded(page);
      const frame = page.frame({ name: 'gsft_main' })!;
      await frame.waitForSelector('#submit_assessment');

      const s = await scan(sw, page);
      expect(s.portal).toBe('servicenow');
      expect(s.pageKind).toBe('classic-assessment');
      expect(s.warnings).toEqual([]);
      // The form numbers nothing, so no numbers are reported; the untouched checkbox is unanswered.
      expect(summary(s)).toEqual([
        [undefined, 'How mature is your vulnerability management program?', 'single-choice', ['Not Applicable', 'Ad hoc', 'Repeatable', 'Defined', 'Managed', 'Optimized'], true, 'Security Operations', 'radio-group', false],
        [undefined, 'We maintain a documented incident response plan', 'yesno', ['Yes', 'No'], false, 'Security Operations', 'servicenow-checkbox', false],
        [undefined, 'Is customer data encrypted at rest?', 'yesno', ['Yes', 'No', 'Not Applicable'], true, 'Security Operations', 'select', true],
        [undefined, 'Describe your backup and restore strategy', 'textarea', [], true, 'Data Protection', 'textarea', false],
        [undefined, 'Name of your Chief Information Security Officer', 'text', [], false, 'Data Protection', 'input', false],
        [undefined, 'Which certifications does your service hold?', 'multi-choice', ['ISO/IEC 27001', 'SOC 2 Type II', 'PCI DSS'], false, 'Data Protection', 'checkbox-group', false],
        [undefined, 'Date of your most recent external penetration test', 'date', [], false, 'Data Protection', 'date', false],
      ]);
      expect(s.questions.map((q) => q.key)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `servicenow:${C(n)}`));
      expect(s.questions[1]?.currentValue).toBeNull();

      const q = (n: number) => s.questions[n - 1]!;
      expectAllFilled(
        await fill(sw, page, [
          { fieldId: q(1).fieldId, value: 'Managed' },
          { fieldId: q(2).fieldId, value: 'Yes' },
          { fieldId: q(3).fieldId, value: 'Yes' },
          { fieldId: q(3).commentFieldId!, value: 'AES-256 with keys in a managed KMS.' },
          { fieldId: q(4).fieldId, value: 'Nightly encrypted backups, tested quarterly.' },
          { fieldId: q(5).fieldId, value: 'Dana Whitfield' },
          { fieldId: q(6).fieldId, value: ['SOC 2 Type II', 'ISO/IEC 27001'] },
          { fieldId: q(7).fieldId, value: '2026-09-14' },
        ]),
      );

      const form = await frame.evaluate((ids) => {
        const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value;
        const g = (window as unknown as { g_form: { modified: Record<string, boolean> } }).g_form;
        return {
          likert: (document.querySelector(`input[name="ASMTQUESTION:${ids[0]}"]:checked`) as HTMLInputElement | null)?.value,
          checkboxHidden: value(`ASMTQUESTION:${ids[1]}`),
          yesNo: value(`ASMTQUESTION:${ids[2]}`),
          addInfo: value(`ADDINFO:ASMTQUESTION:${ids[2]}`),
          textarea: value(`ASMTQUESTION:${ids[3]}`),
          text: value(`ASMTQUESTION:${ids[4]}`),
          definitions: value(`ASMTQUESTION:${ids[5]}`),
          date: value(`ASMTQUESTION:${ids[6]}`),
          modified: ids.map((id) => g.modified[`ASMTQUESTION:${id}`] === true),
          mandatoryMarkers: [0, 2, 3].map((i) => document.getElementById(`status.ASMTQUESTION:${ids[i]}`)!.className),
          selectionResult: value('selection_result'),
        };
      }, [1, 2, 3, 4, 5, 6, 7].map(C));
      expect(form).toEqual({
        likert: '4',
        checkboxHidden: 'true',
        yesNo: '1',
        addInfo: 'AES-256 with keys in a managed KMS.',
        textarea: 'Nightly encrypted backups, tested quarterly.',
        text: 'Dana Whitfield',
        definitions: 'iso27001,soc2',
        date: '2026-09-14',
        modified: [true, true, true, true, true, true, true],
        mandatoryMarkers: ['required-marker changed', 'required-marker changed', 'required-marker changed'],
        selectionResult: '',
      });
      expect(posts.map((r) => r.url())).toEqual([]);

      const again = await scan(sw, page);
      expect(again.questions.map((x) => x.currentValue)).toEqual(['Managed', 'Yes', 'Yes', 'Nightly encrypted backups, tested quarterly.', 'Dana Whitfield', ['ISO/IEC 27001', 'SOC 2 Type II'], '2026-09-14']);
      expect(again.questions[2]?.commentValue).toBe('AES-256 with keys in a managed KMS.');
    });
  }
});

test.describe('ServiceNow third-party portal /svdp', () => {
  test('detects the cards of each section in the shadow root, fills them and the questionnaire autosaves', async ({ context, sw, portalUrl }) => {
    const page = await context.newPage();
    const posts = recordPosts(page);
    await page.goto(portalUrl('servicenow', '/svdp?id=assessment&sys_id=5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a'));
    await contentLoaded(page);
    const host = page.locator('sn-sae-assessment');
    await host.locator('.sae-question-card').first().waitFor();
    const saved = () => host.evaluate((el) => ({ ...(el as unknown as { savedResponses: object }).savedResponses, comments: (el as unknown as { savedComments: object }).savedComments }));

    const first = await scan(sw, page);
    expect(first.pageKind).toBe('svdp');
    expect(first.warnings).toEqual([]);
    expect(first.sections).toEqual({ names: ['Governance', 'Operations'], open: 0 });
    expect(summary(first)).toEqual([
      ['1.1', 'Does your organisation have a board-approved information security policy?', 'yesno', ['Yes', 'No', 'Not Applicable'], true, 'Governance', 'radio-group', true],
      ['1.2', 'Describe how security responsibilities are assigned', 'textarea', [], false, 'Governance', 'textarea', true],
      ['1.3', 'How often is the security policy reviewed?', 'single-choice', ['Quarterly', 'Annually', 'Every two years', 'Never'], true, 'Governance', 'select', true],
    ]);
    const [policy, roles, review] = first.questions as [DetectedQuestion, DetectedQuestion, DetectedQuestion];
    expectAllFilled(
      await fill(sw, page, [
        { fieldId: policy.fieldId, value: 'Yes' },
        { fieldId: policy.commentFieldId!, value: 'Approved by the board in January.' },
        { fieldId: roles.fieldId, value: 'The CISO owns the programme.' },
        { fieldId: review.fieldId, value: 'Annually' },
      ]),
    );
    expect(await saved()).toEqual({
      '0a1b2c3d4e5f60718293a4b5c6d7e8f1': 'Yes',
      '0a1b2c3d4e5f60718293a4b5c6d7e8f2': 'The CISO owns the programme.',
      '0a1b2c3d4e5f60718293a4b5c6d7e8f3': 'Annually',
      comments: { '0a1b2c3d4e5f60718293a4b5c6d7e8f1': 'Approved by the board in January.' },
    });
    await expect(host.locator('.sae-saved-badge:visible')).toHaveCount(3);

    await openSection(sw, page, 1);
    const second = await scan(sw, page);
    expect(second.sections).toEqual({ names: ['Governance', 'Operations'], open: 1 });
    expect(summary(second)).toEqual([
      ['2.1', 'Which logging sources are centrally collected?', 'multi-choice', ['Firewalls', 'Endpoints', 'Cloud control plane', 'Applications'], false, 'Operations', 'checkbox-group', true],
      ['2.2', 'Date of your last disaster recovery test', 'date', [], false, 'Operations', 'date', true],
      ['2.3', 'Maximum tolerable downtime for the service, in hours', 'number', [], true, 'Operations', 'input', true],
      ['2.4', 'Attach your business continuity plan', 'file', [], false, 'Operations', 'file', true],
    ]);
    const q = (n: number) => second.questions[n]!;
    expectAllFilled(
      await fill(sw, page, [
        { fieldId: q(0).fieldId, value: ['Endpoints', 'Firewalls'] },
        { fieldId: q(1).fieldId, value: '2026-02-14' },
        { fieldId: q(2).fieldId, value: '4' },
      ]),
    );
    expect(await saved()).toMatchObject({
      '1b2c3d4e5f60718293a4b5c6d7e8f9a1': ['Firewalls', 'Endpoints'],
      '1b2c3d4e5f60718293a4b5c6d7e8f9a2': '2026-02-14',
      '1b2c3d4e5f60718293a4b5c6d7e8f9a3': '4',
    });
    await expect(page.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('aria-valuenow', '6');
    expect(posts.map((r) => r.url())).toEqual([]);
  });
});

test.describe('ServiceNow drift warnings', () => {
  test('a recognised survey page whose widget markup changed says so, in the scan and in the side panel', async ({ context, sw, portalUrl, openPanel }) => {
    const page = await context.newPage();
    await page.route((u) => u.pathname === '/sp' && u.searchParams.get('instance_id') === 'drifted', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>Survey</title><div class="sp-page-row"><div class="survey-v2"><p>Are backups encrypted?</p><div class="answer-slot"></div></div></div>',
      }),
    );
    await page.goto(portalUrl('servicenow', '/sp?id=take_survey&instance_id=drifted'));
    await contentLoaded(page);
    const s = await scan(sw, page);
    expect(s.portal).toBe('servicenow');
    expect(s.pageKind).toBe('sp-take-survey');
    expect(s.questions).toEqual([]);
    expect(s.warnings).toEqual([expect.stringMatching(/no visible sp-survey-form.*markup may have changed/)]);

    const panel = await openPanel(page);
    await expect(panel.getByRole('note', { name: 'Page structure warnings' })).toContainText('no visible sp-survey-form');
  });
});
