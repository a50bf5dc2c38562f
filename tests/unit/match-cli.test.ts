// The match CLI contract: JSON results on stdout in question order; bad input -> stderr message, exit 2, no stdout.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportLibraryCsv, exportLibraryXlsx } from '../../lib/library/export-library';
import type { LibraryEntry } from '../../lib/schema';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const sampleLibrary = join(root, 'public', 'sample-library.json');

function run(...args: string[]) {
  const r = spawnSync(tsx, [join(root, 'scripts', 'match-cli.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface CliResult {
  id?: string;
  question: string;
  proposal: { id: string; confidence: number; band: string; choice?: string } | null;
  candidates: Array<{ id: string; score: number }>;
}

const entries: LibraryEntry[] = [
  { id: 'enc-rest', question: 'Is customer data encrypted at rest?', answer: 'Yes. AES-256.', choice: 'Yes', tags: ['encryption'] },
  { id: 'byok', question: 'Do you support customer-managed keys (BYOK)?', answer: 'No. Keys are held in AWS KMS.', choice: 'No' },
  { id: 'pentest', question: 'Do you conduct independent penetration tests?', answer: 'Yes, every year.' },
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'match-cli-'));
});

describe('match CLI', () => {
  it('matches a JSON list of strings and objects against a JSON library, in order', () => {
    const questions = join(dir, 'q.json');
    writeFileSync(
      questions,
      JSON.stringify([
        'Do you encrypt data at rest? (Yes/No)',
        { id: 'q2', text: 'Do you support BYOK?', options: ['Implemented', 'Not implemented'] },
        'What is your annual revenue?',
      ]),
    );
    const r = run('--library', sampleLibrary, '--questions', questions);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as CliResult[];
    expect(out.map((o) => o.question)).toEqual(['Do you encrypt data at rest? (Yes/No)', 'Do you support BYOK?', 'What is your annual revenue?']);
    expect(out[0]!.proposal).toMatchObject({ id: 'enc-at-rest', band: 'high', choice: 'Yes' });
    expect(out[0]!.proposal!.confidence).toBeGreaterThan(0.6);
    expect(out[1]).toMatchObject({ id: 'q2', proposal: { id: 'customer-managed-keys' } });
    expect(out[2]!.proposal).toBeNull();
    for (const o of out) {
      expect(o.candidates.length).toBeLessThanOrEqual(3);
      for (const c of o.candidates) expect(Object.keys(c).sort()).toEqual(['id', 'score']);
    }
  });

  it('reads CSV and XLSX libraries and a text file with one question a line', async () => {
    const questions = join(dir, 'q.txt');
    writeFileSync(questions, 'Is data encrypted at rest?\n\nDo you run penetration tests?\r\n');
    const csv = join(dir, 'library.csv');
    writeFileSync(csv, exportLibraryCsv(entries));
    const xlsx = join(dir, 'library.xlsx');
    writeFileSync(xlsx, new Uint8Array(await (await exportLibraryXlsx(entries)).arrayBuffer()));
    for (const library of [csv, xlsx]) {
      const r = run('--library', library, '--questions', questions);
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as CliResult[];
      expect(out.map((o) => o.proposal?.id)).toEqual(['enc-rest', 'pentest']);
    }
  });

  it.each([
    [[], /missing --library/],
    [['--library', 'public/sample-library.json'], /missing --questions/],
    [['--library', 'public/sample-library.json', '--questions'], /--questions needs a value/],
    [['--library', 'public/sample-library.json', '--questions', 'x.txt', '--fast'], /unknown argument "--fast"/],
    [['--library', 'no-such-library.json', '--questions', 'tests/fixtures/match/sample-questions.json'], /library file not found: no-such-library.json/],
    [['--library', 'tests/fixtures/match/questions.json', '--questions', 'tests/fixtures/match/questions.json'], /not an answer-library file/],
  ])('refuses %j with exit 2 and nothing on stdout', (args, message) => {
    const r = run(...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('names the bad question of a questions file', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(['Is data encrypted?', { id: 'x', text: '' }]));
    const r = run('--library', sampleLibrary, '--questions', bad);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/question 1/);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '\n \n');
    expect(run('--library', sampleLibrary, '--questions', empty).stderr).toMatch(/contains no questions/);
  });
});
