// `npm run --silent match -- --library <export.json|.csv|.xlsx> --questions <file>`: matches each question
// against the library and prints one JSON result per question, in order. Bad arguments or files: a message
// on stderr, exit code 2, nothing on stdout.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { readLibraryEntries } from '../lib/library/parse-library-file';
import { buildIndex, matchQuestion } from '../lib/match';

const USAGE = 'usage: npm run --silent match -- --library <export.json|.csv|.xlsx> --questions <questions.json|.txt> [--today YYYY-MM-DD]';

class UsageError extends Error {}

const QuestionItemSchema = z.union([
  z.string().trim().min(1, 'a question is empty'),
  z.object({
    id: z.union([z.string(), z.number()]).optional(),
    text: z.string().trim().min(1, '"text" is empty'),
    options: z.array(z.string()).optional(),
  }),
]);
const QuestionsFileSchema = z.array(QuestionItemSchema);

interface Question {
  id?: string | number;
  text: string;
  options?: string[];
}

function parseArgs(argv: readonly string[]): { library: string; questions: string; today?: string } {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') throw new UsageError(USAGE);
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag !== '--library' && flag !== '--questions' && flag !== '--today') throw new UsageError(`unknown argument "${arg}"\n${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--') || value === '') throw new UsageError(`${flag} needs a value\n${USAGE}`);
    if (values.has(flag)) throw new UsageError(`${flag} is given twice`);
    values.set(flag, value);
  }
  const library = values.get('--library');
  const questions = values.get('--questions');
  if (!library) throw new UsageError(`missing --library\n${USAGE}`);
  if (!questions) throw new UsageError(`missing --questions\n${USAGE}`);
  const today = values.get('--today');
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`--today must be a date like 2026-06-01 (got "${today}")`);
  return { library, questions, ...(today ? { today } : {}) };
}

function readFile(path: string, what: string): Buffer {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new UsageError(`${what} file not found: ${path}`);
  }
  if (!isFile) throw new UsageError(`${what} path is not a file: ${path}`);
  return readFileSync(path);
}

function readQuestions(path: string): Question[] {
  const text = readFile(path, 'questions').toString('utf8').replace(/^\uFEFF/, '');
  let questions: Question[];
  if (/\.json$/i.test(path)) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new UsageError(`${path}: not valid JSON (${(error as Error).message})`);
    }
    const parsed = QuestionsFileSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length > 0 ? `question ${String(issue.path[0])}${issue.path.length > 1 ? `, field "${issue.path.slice(1).join('.')}"` : ''}` : 'the file';
      throw new UsageError(
        `${path}: ${where}: ${issue.message}. Expected a JSON array of strings or of { "id", "text", "options" } objects.`,
      );
    }
    questions = parsed.data.map((q) => (typeof q === 'string' ? { text: q } : q));
  } else {
    questions = text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0)
      .map((line) => ({ text: line }));
  }
  if (questions.length === 0) throw new UsageError(`${path}: contains no questions`);
  return questions;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const questions = readQuestions(args.questions);
  const bytes = readFile(args.library, 'library');
  let entries;
  try {
    entries = await readLibraryEntries(new Uint8Array(bytes), basename(args.library));
  } catch (error) {
    throw new UsageError(`${args.library}: ${(error as Error).message.replace(`${basename(args.library)}: `, '')}`);
  }
  const index = buildIndex(entries, [], args.today ? { today: args.today } : {});
  const results = questions.map((q) => {
    const { proposal, candidates } = matchQuestion(index, { text: q.text, ...(q.options ? { options: q.options } : {}) });
    return {
      ...(q.id !== undefined ? { id: q.id } : {}),
      question: q.text,
      proposal: proposal
        ? {
            id: proposal.entryId,
            confidence: proposal.confidence,
            band: proposal.band,
            ...(proposal.choice !== undefined ? { choice: proposal.choice } : {}),
            ...(proposal.draft ? { draft: true } : {}),
            ...(proposal.stale ? { stale: true } : {}),
          }
        : null,
      candidates: candidates.map((c) => ({ id: c.entryId, score: c.score })),
    };
  });
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`match: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  // Not the input's fault: report it as a failure of the tool, with its stack.
  process.stderr.write(`match: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
