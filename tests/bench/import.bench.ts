// Import of a 10,000-entry library (parse + plan + apply into fake-indexeddb) from JSON and from CSV. Target: < 2 s each.
import 'fake-indexeddb/auto';
import { AutofillDatabase } from '../../lib/db/database';
import { applySyncPlan } from '../../lib/library/apply-sync';
import { exportLibraryCsv, exportLibraryJson } from '../../lib/library/export-library';
import { parseLibraryFile } from '../../lib/library/parse-library-file';
import { planSync } from '../../lib/library/plan-sync';
import type { LibraryEntry } from '../../lib/schema';
import { listEntries } from '../../lib/db/entries-repository';

const COUNT = 10_000;
const TOPICS = ['encryption', 'access control', 'logging', 'backups', 'incident response', 'vendor risk', 'privacy', 'network security'];

function syntheticEntries(): LibraryEntry[] {
  return Array.from({ length: COUNT }, (_, i) => {
    const topic = TOPICS[i % TOPICS.length]!;
    return {
      id: `bench-${String(i).padStart(5, '0')}`,
      question: `Question ${i}: describe your ${topic} controls for system ${i % 97}?`,
      alternateQuestions: [`How do you handle ${topic} (${i})?`, `Explain ${topic} practice number ${i}.`],
      answer: `Yes. Our ${topic} controls for system ${i % 97} are documented, reviewed annually and audited in our SOC 2 Type II report. `.repeat(3),
      choice: i % 3 === 0 ? 'Yes' : i % 3 === 1 ? 'No' : 'N/A',
      tags: [topic.replace(/ /g, '-'), `group-${i % 20}`],
      citations: [{ title: 'Information Security Policy', section: `${(i % 12) + 1}.${i % 7}`, url: `https://trust.northwind-cloud.example/policies/infosec#${i}` }],
      owner: 'security@northwind-cloud.example',
      status: i % 50 === 0 ? 'draft' : 'approved',
      reviewedAt: '2026-06-01',
      expiresAt: '2027-06-01',
      updatedAt: '2026-06-01T09:30:00Z',
    };
  });
}

async function timeImport(label: string, text: string, fileName: string, dbName: string): Promise<void> {
  const db = new AutofillDatabase(dbName);
  const start = performance.now();
  const parsed = await parseLibraryFile(text, fileName);
  const parsedAt = performance.now();
  const plan = planSync(parsed, await listEntries(db));
  const plannedAt = performance.now();
  const result = await applySyncPlan(db, plan);
  const end = performance.now();
  const total = end - start;
  console.log(
    `${label}: ${(text.length / 1024 / 1024).toFixed(1)} MB, ${result.added} entries added in ${total.toFixed(0)} ms ` +
      `(parse ${(parsedAt - start).toFixed(0)} ms, plan ${(plannedAt - parsedAt).toFixed(0)} ms, apply ${(end - plannedAt).toFixed(0)} ms) ` +
      `${total < 2000 ? 'OK (< 2000 ms)' : 'OVER the 2000 ms target'}`,
  );
  if (result.added !== COUNT) throw new Error(`${label}: expected ${COUNT} entries, got ${result.added}`);
  db.close();
}

export async function run(): Promise<void> {
  const entries = syntheticEntries();
  await timeImport('JSON import, 10,000 entries', exportLibraryJson(entries), 'bench.json', 'bench-json');
  await timeImport('CSV import, 10,000 entries', exportLibraryCsv(entries), 'bench.csv', 'bench-csv');
}
