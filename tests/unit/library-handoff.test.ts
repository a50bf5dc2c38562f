// Routed questions (issue 17): the page's questions without a fillable answer go out as a sheet with a suggested
// owner, and the sheet the owners return imports as draft entries worded like the page, all or nothing.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ownerSuggester, suggestOwner } from '../../lib/library/handoff';
import { parseLibraryFile } from '../../lib/library/parse-library-file';
import { planBlockers, planSync, summarizePlan } from '../../lib/library/plan-sync';
import { buildHandoffSheet, countHandoffRows, handoffFile, handoffFileName, handoffReason } from '../../lib/panel/handoff-sheet';
import { emptyRows, rowsReducer, type QuestionRow } from '../../lib/panel/question-rows';
import type { StoredEntry } from '../../lib/db/database';
import type { LibraryEntry } from '../../lib/schema';
import { entry, proposal, question } from './panel-fixtures';

const NOW = new Date('2026-12-06T10:00:00Z');
const PAGE = { title: 'Acme vendor assessment', url: 'https://acme.example/survey' };

const library = new Map<string, LibraryEntry>(
  [
    entry({ id: 'sso', owner: 'iam@northwind.example', tags: ['identity'] }),
    entry({ id: 'pentest', tags: ['testing', 'appsec'] }),
    entry({ id: 'sast', owner: 'appsec@northwind.example', tags: ['appsec'] }),
    entry({ id: 'dast', owner: 'appsec@northwind.example', tags: ['appsec', 'testing'] }),
    entry({ id: 'scans', owner: 'ops@northwind.example', tags: ['testing'] }),
    entry({ id: 'old', owner: 'grc@northwind.example', answer: 'An old answer.' }),
  ].map((e) => [e.id, e]),
);

function pageRows(): QuestionRow[] {
  let state = rowsReducer(emptyRows, {
    type: 'scanned',
    questions: [
      question({ key: 'high', text: 'Do you support SSO?' }),
      question({ key: 'review', text: 'Do you let customers run penetration tests?', number: '4.1', section: 'Testing' }),
      question({ key: 'none', text: 'Where is customer data hosted?', number: '2.3' }),
      question({ key: 'stale', text: 'Describe your retention policy.', kind: 'textarea' }),
      question({ key: 'draft', text: 'Is MFA enforced for admins?', kind: 'yesno', options: ['Yes', 'No'], writer: 'radio' }),
      question({ key: 'filled', text: 'Is data encrypted at rest?' }),
      question({ key: 'file', text: 'Attach your SOC 2 report.', kind: 'file' }),
      question({ key: 'again', text: 'Where is  customer data hosted?', number: '7.9' }),
    ],
    proposals: {
      high: [proposal({ entryId: 'sso' })],
      review: [proposal({ entryId: 'pentest', band: 'review', confidence: 0.71 })],
      stale: [proposal({ entryId: 'old', stale: true })],
      draft: [proposal({ entryId: 'sso', draft: true })],
      filled: [proposal({ entryId: 'sso', band: 'review', confidence: 0.6 })],
    },
  });
  state = rowsReducer(state, {
    type: 'fill-finished',
    key: 'filled',
    fill: { requests: [{ fieldId: 'f-filled', value: 'x', question: { key: 'filled', text: 'x' } }], results: [{ fieldId: 'f-filled', status: 'filled', actual: 'x', previous: null }], value: 'x', edited: false },
  });
  return state.rows;
}

/** The sheet as the owners return it: answers written into some rows, through a spreadsheet's CSV. */
function answerSheet(csv: string, answers: Record<string, { answer?: string; choice?: string; status?: string }>): string {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const rows: Array<Record<string, string>> = parsed.data.map((row) => ({ ...row, ...(answers[row.question!] ?? {}) }) as Record<string, string>);
  return Papa.unparse({ fields: parsed.meta.fields!, data: rows.map((r) => parsed.meta.fields!.map((f) => r[f] ?? '')) });
}

describe('hand-off sheet', () => {
  it('lists the questions without a fillable answer, once per wording, with why and the page context', () => {
    const rows = pageRows();
    expect(rows.map((r) => [r.key, handoffReason(r) !== undefined])).toEqual([
      ['high', false],
      ['review', true],
      ['none', true],
      ['stale', true],
      ['draft', true],
      ['filled', false],
      ['file', false],
      ['again', true],
    ]);
    const sheet = buildHandoffSheet(rows, library, PAGE);
    const at = (column: string) => sheet.columns.indexOf(column as never);
    expect(sheet.rows.map((r) => r[at('question')])).toEqual([
      'Do you let customers run penetration tests?',
      'Where is customer data hosted?',
      'Describe your retention policy.',
      'Is MFA enforced for admins?',
    ]);
    const [review, none, stale, draft] = sheet.rows;
    expect(review![at('handoff_reason')]).toContain('71% match');
    expect(review![at('handoff_number')]).toBe('4.1');
    expect(review![at('handoff_section')]).toBe('Testing');
    expect(review![at('handoff_closest_entry')]).toBe('pentest');
    expect(none![at('handoff_reason')]).toBe('no answer in the library');
    // The second wording of the same question adds its number to the first row instead of a row of its own.
    expect(none![at('handoff_number')]).toBe('2.3; 7.9');
    expect(stale![at('handoff_reason')]).toContain('past its review date');
    expect(stale![at('owner')]).toBe('grc@northwind.example');
    expect(draft![at('handoff_options')]).toBe('Yes\nNo');
    expect(sheet.rows.every((r) => r[at('status')] === 'draft' && r[at('answer')] === '' && r[at('handoff_url')] === PAGE.url)).toBe(true);
  });

  it('suggests the closest entry’s owner, else the owner most entries sharing its tags have', () => {
    const all = [...library.values()];
    expect(suggestOwner(library.get('sso'), all)).toBe('iam@northwind.example');
    // pentest has no owner; its tags testing + appsec: appsec@ shares 3 tags over two entries, ops@ one.
    expect(suggestOwner(library.get('pentest'), all)).toBe('appsec@northwind.example');
    expect(suggestOwner(entry({ id: 'lonely' }), all)).toBeUndefined();
    expect(suggestOwner(undefined, all)).toBeUndefined();
    const sheet = buildHandoffSheet(pageRows(), library, PAGE);
    expect(sheet.rows[0]![sheet.columns.indexOf('owner')]).toBe('appsec@northwind.example');
    expect(sheet.rows[0]![sheet.columns.indexOf('tags')]).toBe('testing; appsec');
  });

  it('suggests over one library read the owners suggestOwner names, entry by entry', () => {
    // Owners with mixed-case and repeated tags, a retired one, ties broken by name, entries with no owner or tags.
    const owners = ['iam@x', 'appsec@x', 'ops@x', 'grc@x', undefined];
    const tagPool = ['Identity', 'identity', 'testing', 'appsec', 'Testing', 'network', 'hr'];
    const many: LibraryEntry[] = [];
    for (let i = 0; i < 300; i++) {
      const tags = [tagPool[i % 7]!, tagPool[(i * 3) % 7]!, ...(i % 5 === 0 ? [tagPool[(i * 5) % 7]!] : [])].slice(0, 1 + (i % 3));
      many.push(entry({ id: `e${i}`, owner: i % 11 === 0 ? undefined : owners[(i * 7) % 5], tags, ...(i % 13 === 0 ? { status: 'retired' as const } : {}) }));
    }
    const suggest = ownerSuggester(many);
    const probes = [...many, entry({ id: 'lonely' }), entry({ id: 'hr-only', tags: ['HR'] }), entry({ id: 'none-known', tags: ['unknown'] })];
    const named = probes.map((e) => suggest(e));
    expect(named).toEqual(probes.map((e) => suggestOwner(e, many)));
    // The probes exercise the tag counts, not only entries' own owners.
    expect(new Set(named.filter((o, i) => o !== undefined && !probes[i]!.owner)).size).toBeGreaterThan(1);
    expect(suggest(undefined)).toBeUndefined();
  });

  it('counts the sheet’s rows without building it', () => {
    expect(countHandoffRows(pageRows())).toBe(buildHandoffSheet(pageRows(), library, PAGE).rows.length);
    expect(countHandoffRows(pageRows())).toBe(4);
    expect(countHandoffRows([])).toBe(0);
  });

  it('names the file after the site and the day', () => {
    expect(handoffFileName(PAGE, 'csv', NOW)).toBe('questions-for-owners-acme-example-2026-12-06.csv');
    expect(handoffFileName({ title: '', url: 'not a url' }, 'xlsx', NOW)).toBe('questions-for-owners-2026-12-06.xlsx');
  });
});

describe('returned hand-off sheet', () => {
  async function returned(answers: Parameters<typeof answerSheet>[1]) {
    const sheet = buildHandoffSheet(pageRows(), library, PAGE);
    const csv = await (await handoffFile(sheet, 'csv')).text();
    return await parseLibraryFile(answerSheet(csv, answers), 'returned.csv', { now: NOW });
  }

  it('imports each answered row as a draft worded like the page and skips the unanswered ones', async () => {
    const file = await returned({
      'Where is customer data hosted?': { answer: 'In AWS eu-west-1 and eu-central-1.', status: 'approved' },
      'Is MFA enforced for admins?': { choice: 'Yes' },
    });
    expect(file.handoff).toBe(true);
    expect(file.invalid).toEqual([]);
    expect(file.skipped?.map((s) => s.where)).toEqual(['row 2', 'row 4']);
    expect(file.entries.map((p) => p.entry)).toEqual([
      expect.objectContaining({ question: 'Where is customer data hosted?', answer: 'In AWS eu-west-1 and eu-central-1.', status: 'draft', updatedAt: NOW.toISOString() }),
      expect.objectContaining({ question: 'Is MFA enforced for admins?', answer: 'Yes', choice: 'Yes', status: 'draft', owner: 'iam@northwind.example' }),
    ]);
    // The context columns are the owner's, not the library's: none is stored on an entry.
    for (const { entry: e } of file.entries) expect(Object.keys(e).filter((k) => k.startsWith('handoff'))).toEqual([]);
  });

  it('never mirrors or removes the sample, whatever the options say', async () => {
    const file = await returned({ 'Where is customer data hosted?': { answer: 'In AWS.' } });
    const local: StoredEntry[] = [
      { ...entry({ id: 'keep-me' }), _meta: {} } as StoredEntry,
      { ...entry({ id: 'a-sample' }), sample: true, _meta: {} } as StoredEntry,
    ];
    const plan = planSync(file, local, { mirror: true, removeSample: true, now: NOW });
    expect(plan.mirror).toBe(false);
    expect(plan.removed).toEqual([]);
    expect(plan.added.map((a) => a.entry.question)).toEqual(['Where is customer data hosted?']);
    expect(planBlockers(plan, {})).toEqual([]);
    expect(summarizePlan(plan)).toBe('1 added, 0 updated, 0 unchanged, 0 conflicts, 0 invalid, 3 not answered yet (skipped)');
  });

  it('a second round of answers to the same question counts as newer', async () => {
    const first = await returned({ 'Where is customer data hosted?': { answer: 'In AWS.' } });
    const stored = { ...first.entries[0]!.entry, _meta: { importedAt: NOW.toISOString(), importedUpdatedAt: NOW.toISOString() } } as StoredEntry;
    const later = new Date(NOW.getTime() + 86_400_000);
    const sheet = buildHandoffSheet(pageRows(), library, PAGE);
    const csv = answerSheet(await (await handoffFile(sheet, 'csv')).text(), { 'Where is customer data hosted?': { answer: 'In AWS eu-west-1.' } });
    const second = await parseLibraryFile(csv, 'round-2.csv', { now: later });
    const plan = planSync(second, [stored], { now: later });
    expect(plan.updated.map((u) => u.entry.answer)).toEqual(['In AWS eu-west-1.']);
  });

  it('keeps a question a spreadsheet would run as a formula inert, and exact on the way back', async () => {
    const rows = rowsReducer(emptyRows, { type: 'scanned', questions: [question({ key: 'f', text: '=HYPERLINK("http://evil.example","Click")' })], proposals: {} }).rows;
    const sheet = buildHandoffSheet(rows, library, PAGE);
    const csv = await (await handoffFile(sheet, 'csv')).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    const file = await parseLibraryFile(answerSheet(csv, { [`'=HYPERLINK("http://evil.example","Click")`]: { answer: 'No.' } }), 'f.csv', { now: NOW });
    expect(file.entries.map((p) => p.entry.question)).toEqual(['=HYPERLINK("http://evil.example","Click")']);
  });

  it('round-trips through XLSX', async () => {
    const sheet = buildHandoffSheet(pageRows(), library, PAGE);
    const blob = await handoffFile(sheet, 'xlsx');
    const file = await parseLibraryFile(new Uint8Array(await blob.arrayBuffer()), 'returned.xlsx', { now: NOW });
    expect(file.handoff).toBe(true);
    // Nobody has answered yet: every row is skipped, nothing is invalid.
    expect(file.entries).toEqual([]);
    expect(file.invalid).toEqual([]);
    expect(file.skipped).toHaveLength(4);
  });

  it('an ordinary library sheet is not a hand-off: an empty answer stays an error', async () => {
    const file = await parseLibraryFile('question,answer,status\r\nWhere is data hosted?,,draft\r\n', 'lib.csv', { now: NOW });
    expect(file.handoff).toBeUndefined();
    expect(file.invalid.map((i) => i.where)).toEqual(['row 2']);
  });
});
