// Library tab search over 20,000 entries (Node): first query (builds the index), exact-word and typo queries.
import { createLibrarySearchIndex } from '../../lib/library/search-library';
import type { LibraryEntry } from '../../lib/schema';

const TOPICS = ['encryption', 'access reviews', 'logging', 'backups', 'incident response', 'vendor risk', 'privacy', 'network security'];

export async function run(): Promise<void> {
  const entries: LibraryEntry[] = Array.from({ length: 20_000 }, (_, i) => {
    const topic = TOPICS[i % TOPICS.length]!;
    return {
      id: `entry-${i}`,
      question: `Question ${i}: how do you handle ${topic} for system ${i % 89}?`,
      alternateQuestions: [`Describe ${topic} number ${i}.`],
      answer: `Our ${topic} controls for system ${i % 89} are documented, reviewed every year and audited for SOC 2. `.repeat(2),
      tags: [topic.replace(' ', '-')],
    };
  });
  const index = createLibrarySearchIndex(entries);
  const time = (label: string, query: string) => {
    const start = performance.now();
    const hits = index.search(query, 'all', '2026-11-28').length;
    console.log(`${label} "${query}": ${hits} hits in ${(performance.now() - start).toFixed(0)} ms`);
  };
  time('first query, builds the index', 'backups');
  time('exact words', 'system 42 backups');
  time('answer words', 'audited soc');
  time('typo (Fuse)', 'encrpytion');
  time('no match (Fuse)', 'zzzz qqqq');
}
