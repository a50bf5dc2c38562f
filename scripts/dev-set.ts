// The dev set's library and its training split, as the fitting and judging scripts read them: the held-out split is
// never read here (tests/fixtures/match/README.md).
import { readFileSync } from 'node:fs';
import { LabelledQuestionsSchema } from '../lib/match/evaluate';
import { LibraryExportSchema } from '../lib/schema';

/** The day the dev set is matched on (stale entries are judged against it). */
export const DEV_TODAY = '2026-11-28';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')) as unknown;

/** The dev set's library entries. */
export const devLibrary = LibraryExportSchema.parse(read('tests/fixtures/match/library.json')).entries;
/** The labelled questions of the training split. */
export const devTrain = LabelledQuestionsSchema.parse(read('tests/fixtures/match/questions.json')).filter((q) => q.split === 'train');
