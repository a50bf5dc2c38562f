// The portal session line of one tab: fills the portal has not saved yet and the time left before a typical idle
// sign-out, an offer to put back fills a reload or sign-out emptied (after reading the page again), and the
// timeout setting per portal. It never saves or submits anything on the portal.
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { FillEvent, FillRequest, PageScan, PortalId } from '../../lib/schema';
import { getDatabase } from '../../lib/db/database';
import { getSetting, setSetting } from '../../lib/db/settings-repository';
import { pendingFillEvent, resultChanges } from '../../lib/panel/fill-event';
import { fillTarget } from '../../lib/panel/fill-plan';
import {
  SESSION_TIMEOUTS_SETTING,
  SessionTimeoutsSchema,
  countUnsaved,
  observePage,
  pendingFills,
  planRefill,
  sessionStatus,
  timeoutFor,
  type SessionMarks,
  type SessionTimeouts,
} from '../../lib/panel/portal-session';
import { usePanelServices } from '../common/PanelServices';

/** Marks per tab, kept while the panel is open (switching tabs and back keeps them). */
const marksByTab = new Map<number, SessionMarks>();
const CLOCK_MS = 15_000;
const PORTAL_NAMES: Record<PortalId, string> = { servicenow: 'ServiceNow', onetrust: 'OneTrust', processunity: 'ProcessUnity', generic: 'This site' };

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function PortalSessionBar({ tabId, scan, onRefilled }: { tabId: number; scan: PageScan | undefined; onRefilled(): void }) {
  const services = usePanelServices();
  const [now, setNow] = useState(() => Date.now());
  const [history, setHistory] = useState<FillEvent[]>([]);
  const [timeouts, setTimeouts] = useState<SessionTimeouts>({});
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_MS);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    void getSetting(SESSION_TIMEOUTS_SETTING, SessionTimeoutsSchema, {}).then(setTimeouts, () => undefined);
  }, []);
  // Every scan (after a fill, a save, a reload) re-reads the history the pending fills derive from.
  useEffect(() => {
    if (!scan) return;
    let live = true;
    void services.library.history().then((h) => live && setHistory(h), () => undefined);
    setNow(Date.now());
    return () => {
      live = false;
    };
  }, [scan, services]);

  const marks = useMemo(() => {
    if (!scan?.session) return undefined;
    const next = observePage(marksByTab.get(tabId), scan.url, scan.session, Date.now());
    marksByTab.set(tabId, next);
    return next;
  }, [tabId, scan]);

  const pending = useMemo(() => (marks ? pendingFills(history, marks, now) : []), [history, marks, now]);
  const refill = useMemo(() => (marks && scan ? planRefill(pending, marks, scan.questions) : { items: [], present: 0 }), [pending, marks, scan]);
  const portal = scan?.portal ?? 'generic';
  const timeout = timeoutFor(portal, timeouts);
  const status = marks ? sessionStatus(marks, countUnsaved(pending, marks, refill), timeout, now) : undefined;

  const refillNow = useCallback(async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      const port = services.contentPort(tabId);
      // Read the page again first: only fields still empty now are written.
      const fresh = await port.scan();
      const current = marksByTab.get(tabId);
      if (!current) return;
      const plan = planRefill(pendingFills(await services.library.history(), current, Date.now()), current, fresh.questions);
      let filled = 0;
      for (const item of plan.items) {
        // A re-fill is a fill: the same question check, and it writes only into a field that is still empty.
        const target = fillTarget(item.question);
        const requests: FillRequest[] = [{ fieldId: item.question.fieldId, value: item.value, question: target, onlyIfEmpty: true }];
        if (item.comment && item.question.commentFieldId) requests.push({ fieldId: item.question.commentFieldId, value: item.comment, question: target, onlyIfEmpty: true });
        // Written ahead like every fill: the history holds the row before the request leaves.
        const requestId = crypto.randomUUID();
        const tagged = requests.map((r) => ({ ...r, requestId }));
        const context = { at: new Date().toISOString(), pageUrl: fresh.url, pageTitle: fresh.title, tabId };
        await services.library.recordFills([pendingFillEvent(context, item.question, { value: item.value, comment: item.comment, edited: false }, requestId)]);
        const results = await port.fill(tagged);
        const changes = resultChanges(item.question, tagged, results, new Date().toISOString());
        await services.library.resolveFills([{ requestId, changes }]);
        if (changes.result === 'filled') filled++;
      }
      setMessage(`Re-filled ${filled} of ${plan.items.length} answers${plan.present ? `; ${plan.present} already on the page were left as they are` : ''}.`);
    } catch (e) {
      setMessage(`The answers could not be re-filled: ${errorText(e)}`);
    } finally {
      setBusy(false);
      onRefilled();
    }
  }, [services, tabId, onRefilled]);

  if (!scan || !status) return null;
  const name = PORTAL_NAMES[portal];
  return (
    <section className="portal-session" aria-label="Portal session">
      {status.level !== 'quiet' && (
        <p className={status.level === 'unsaved' ? 'hint' : 'warning-line'} role={status.level === 'unsaved' ? undefined : 'alert'}>
          {status.unsaved} {status.unsaved === 1 ? 'fill is' : 'fills are'} not saved in the portal yet.{' '}
          {status.level === 'expired'
            ? `${name} may have signed you out (${timeout} idle minutes): check the page before saving.`
            : status.level === 'warn'
              ? `${name} signs out after ${timeout} idle minutes, about ${status.minutesLeft} left: save in the portal.`
              : `Save in the portal before ${status.minutesLeft} minutes pass.`}
        </p>
      )}
      {refill.items.length > 0 && (
        <div className="refill-offer" role="note" aria-label="Lost answers">
          <p>
            {refill.items.length} {refill.items.length === 1 ? 'answer' : 'answers'} filled before the page reloaded {refill.items.length === 1 ? 'is' : 'are'} empty now.
          </p>
          <button type="button" disabled={busy} onClick={() => void refillNow()}>
            Re-fill {refill.items.length} empty {refill.items.length === 1 ? 'answer' : 'answers'}
          </button>
        </div>
      )}
      {message && <p role="status">{message}</p>}
      <TimeoutSetting portal={portal} minutes={timeout} onSaved={setTimeouts} timeouts={timeouts} />
    </section>
  );
}

function TimeoutSetting({ portal, minutes, timeouts, onSaved }: { portal: PortalId; minutes: number; timeouts: SessionTimeouts; onSaved(t: SessionTimeouts): void }) {
  const id = useId();
  const [draft, setDraft] = useState(String(minutes));
  const [error, setError] = useState<string>();
  useEffect(() => setDraft(String(minutes)), [minutes]);
  return (
    <details className="session-timeout">
      <summary>Session timeout</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const value = Number(draft);
          const parsed = SessionTimeoutsSchema.safeParse({ ...timeouts, [portal]: value });
          if (draft.trim() === '' || !parsed.success) {
            setError('Give the idle minutes as a number from 0 (no warning) to 1440.');
            return;
          }
          setError(undefined);
          void setSetting(SESSION_TIMEOUTS_SETTING, parsed.data, getDatabase()).then(
            () => onSaved(parsed.data),
            (err: unknown) => setError(`The timeout was not saved: ${errorText(err)}`),
          );
        }}
      >
        <label htmlFor={id}>{PORTAL_NAMES[portal]} signs out after (idle minutes, 0 = no warning)</label>
        <input id={id} type="number" min={0} max={1440} step="any" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit">Save timeout</button>
        {error && <p role="alert">{error}</p>}
      </form>
    </details>
  );
}
