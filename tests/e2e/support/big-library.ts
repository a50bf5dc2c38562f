// A generated library export of `count` entries over five topics, shared by the Library view e2e test and its
// benchmark (tests/bench/library-view.bench.ts). Sorted by id, entry i is `big-0000i`.
const TOPICS = ['encryption', 'access reviews', 'logging', 'backups', 'incident response'];

export function bigLibraryExport(count: number) {
  const entries = Array.from({ length: count }, (_, i) => ({
    id: `big-${String(i).padStart(5, '0')}`,
    question: `Question ${i}: how do you handle ${TOPICS[i % TOPICS.length]} for system ${i % 89}?`,
    alternateQuestions: [`Describe ${TOPICS[i % TOPICS.length]} number ${i}.`],
    answer: `Our ${TOPICS[i % TOPICS.length]} controls for system ${i % 89} are documented and reviewed every year by the security team.`,
    tags: [TOPICS[i % TOPICS.length]!.replace(' ', '-')],
    citations: [{ title: 'Information Security Policy', section: `${i % 12}` }],
    updatedAt: '2026-06-01T00:00:00Z',
  }));
  return { format: 'answer-library', version: 1, entries };
}
