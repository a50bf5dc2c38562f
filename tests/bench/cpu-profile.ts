// A performance trace of a bench page through the DevTools protocol (the browser's own task records and V8's CPU
// samples), and the attribution of each main-thread task over 50 ms to the functions and browser work it ran. Used by
// panel-scale.ts with PANEL_PROFILE=dir; best read on a build with QA_NO_MINIFY=1, which keeps function names.
// (The page's Long Tasks observer goes quiet while the DevTools profiler is attached, so the tasks here come from
// the trace's RunTask records, and a profiled run's figures are not compared with others.)
import { writeFileSync } from 'node:fs';
import type { CDPSession } from '@playwright/test';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: { data?: Record<string, unknown>; name?: string };
}

interface CallFrame {
  functionName: string;
  url?: string;
  lineNumber?: number;
  columnNumber?: number;
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
].join(',');

/** Starts tracing (tasks, script, style, layout, GC and CPU samples every ~0.5 ms). */
export async function startTrace(session: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (e) => {
    for (const v of e.value) events.push(v as unknown as TraceEvent);
  });
  await session.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES.split(','), recordMode: 'recordAsMuchAsPossible' },
  } as never);
  return async () => {
    const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
    await session.send('Tracing.end');
    await complete;
    return events;
  };
}

/** The renderer main thread that ran the panel's scripts (from `origin`). */
function panelThread(events: TraceEvent[], origin: string): { pid: number; tid: number } | undefined {
  const counts = new Map<string, number>();
  for (const e of events) {
    const url = (e.args?.data?.url as string | undefined) ?? '';
    if ((e.name === 'EvaluateScript' || e.name === 'FunctionCall' || e.name === 'v8.compile') && url.startsWith(origin)) {
      const key = `${e.pid}:${e.tid}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const names = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name]));
  const best = [...counts].filter(([k]) => names.get(k) === 'CrRendererMain').sort((a, b) => b[1] - a[1])[0];
  if (!best) return undefined;
  const [pid, tid] = best[0].split(':').map(Number);
  return { pid: pid!, tid: tid! };
}

/** The CPU samples of one thread: time (trace µs) and stack (innermost first). */
function samplesOf(events: TraceEvent[], thread: { pid: number; tid: number }): { time: number; stack: CallFrame[] }[] {
  const profiles = new Map<string, number>();
  for (const e of events) {
    if (e.name === 'Profile' && e.pid === thread.pid && e.tid === thread.tid) profiles.set(e.id!, (e.args?.data?.startTime as number) ?? e.ts);
  }
  const out: { time: number; stack: CallFrame[] }[] = [];
  for (const [id, startTime] of profiles) {
    const frames = new Map<number, { callFrame: CallFrame; parent?: number }>();
    let t = startTime;
    for (const e of events) {
      if (e.name !== 'ProfileChunk' || e.id !== id || e.pid !== thread.pid) continue;
      const data = e.args?.data as { cpuProfile?: { nodes?: { id: number; callFrame: CallFrame; parent?: number }[]; samples?: number[] }; timeDeltas?: number[] };
      for (const n of data.cpuProfile?.nodes ?? []) frames.set(n.id, { callFrame: n.callFrame, parent: n.parent });
      const samples = data.cpuProfile?.samples ?? [];
      const deltas = data.timeDeltas ?? [];
      for (let i = 0; i < samples.length; i++) {
        t += deltas[i] ?? 0;
        const stack: CallFrame[] = [];
        for (let nid: number | undefined = samples[i]; nid !== undefined; nid = frames.get(nid)?.parent) {
          const f = frames.get(nid);
          if (!f) break;
          stack.push(f.callFrame);
        }
        out.push({ time: t, stack });
      }
    }
  }
  return out.sort((a, b) => a.time - b.time);
}

const SPECIAL = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);

function frameName(f: CallFrame): string {
  if (SPECIAL.has(f.functionName)) return f.functionName;
  // Trace samples leave out what is not known (a native function has no url, a script's top level no line).
  const file = ((f.url ?? '').split('/').pop() ?? '').replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js');
  return `${f.functionName || '(anonymous)'} ${file}:${(f.lineNumber ?? -1) + 1}`;
}

function top(map: Map<string, number>, n: number): string {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, us]) => `${(us / 1000).toFixed(0)} ms ${name}`)
    .join('; ');
}

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

/** Browser work recorded inside a task, by kind (script is split by what called it). */
function browserWork(e: TraceEvent): string | undefined {
  switch (e.name) {
    case 'FunctionCall':
      return `script ${(e.args?.data?.functionName as string) || ''}`.trim();
    case 'EventDispatch':
      return `event ${e.args?.data?.type as string}`;
    case 'TimerFire':
    case 'FireAnimationFrame':
    case 'RunMicrotasks':
    case 'EvaluateScript':
    case 'v8.compileModule':
    case 'v8.evaluateModule':
    case 'UpdateLayoutTree':
    case 'Layout':
    case 'Paint':
    case 'PrePaint':
    case 'Layerize':
    case 'ParseHTML':
    case 'MinorGC':
    case 'MajorGC':
    case 'V8.GC_SCAVENGER':
    case 'V8.GC_MARK_COMPACTOR':
    case 'HitTest':
    case 'ScheduleStyleRecalculation':
      return e.name;
    default:
      return undefined;
  }
}

export interface TraceTask {
  start: number;
  duration: number;
}

/**
 * The panel's main-thread tasks over `threshold` ms in the trace, each with its browser work (style, layout, script
 * by caller) and the functions V8 sampled in it (self time, and total time per function); then the totals.
 */
export function attributeTrace(events: TraceEvent[], origin: string, threshold = 50): { tasks: TraceTask[]; lines: string[] } {
  const thread = panelThread(events, origin);
  if (!thread) return { tasks: [], lines: ['    (the panel thread was not found in the trace)'] };
  const mine = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X');
  const samples = samplesOf(events, thread);
  // A task that began before the sampler did is the one that started the trace (the protocol's own work).
  const sampling = samples[0]?.time ?? Infinity;
  const long = mine.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > threshold * 1000 && e.ts >= sampling).sort((a, b) => a.ts - b.ts);
  const lines: string[] = [];
  const allSelf = new Map<string, number>();
  const allTotal = new Map<string, number>();
  const allWork = new Map<string, number>();
  const t0 = mine.reduce((m, e) => Math.min(m, e.ts), Infinity);
  for (const task of long) {
    const from = task.ts;
    const to = task.ts + task.dur!;
    // Browser work: the outermost recorded kinds inside the task (nested ones of the same kind counted once).
    const work = new Map<string, number>();
    const inside = mine.filter((e) => e !== task && e.ts >= from && e.ts < to && browserWork(e));
    for (const e of inside) {
      const kind = browserWork(e)!;
      const nestedInSame = inside.some((o) => o !== e && browserWork(o) === kind && o.ts <= e.ts && o.ts + (o.dur ?? 0) >= e.ts + (e.dur ?? 0) && (o.ts < e.ts || (o.dur ?? 0) > (e.dur ?? 0)));
      if (!nestedInSame) {
        add(work, kind, e.dur ?? 0);
        add(allWork, kind, e.dur ?? 0);
      }
    }
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    let i = samples.findIndex((s) => s.time >= from);
    let sampled = 0;
    for (; i >= 0 && i < samples.length && samples[i]!.time < to; i++) {
      const w = Math.min(samples[i + 1]?.time ?? to, to) - samples[i]!.time;
      sampled += w;
      const stack = samples[i]!.stack;
      const leaf = stack[0] ? frameName(stack[0]) : '(none)';
      add(self, leaf, w);
      add(allSelf, leaf, w);
      const seen = new Set<string>();
      for (const f of stack) {
        if (SPECIAL.has(f.functionName)) continue;
        const name = frameName(f);
        if (seen.has(name)) continue;
        seen.add(name);
        add(total, name, w);
        add(allTotal, name, w);
      }
    }
    lines.push(`    task ${(task.dur! / 1000).toFixed(0)} ms at +${((from - t0) / 1000).toFixed(0)} ms (sampled ${(sampled / 1000).toFixed(0)} ms)`);
    lines.push(`      work: ${top(work, 6)}`);
    lines.push(`      self: ${top(self, 6)}`);
    lines.push(`      total: ${top(total, 10)}`);
  }
  if (long.length > 0) {
    lines.push(`    all long tasks, work: ${top(allWork, 10)}`);
    lines.push(`    all long tasks, self: ${top(allSelf, 12)}`);
    lines.push(`    all long tasks, total: ${top(allTotal, 24)}`);
  }
  return { tasks: long.map((e) => ({ start: (e.ts - t0) / 1000, duration: e.dur! / 1000 })), lines };
}

export function saveTrace(path: string, events: TraceEvent[]): void {
  writeFileSync(path, JSON.stringify({ traceEvents: events }));
}
