// ProcessUnity (app.processunity.net/<tenant>/Default.aspx?nav=...): only the page shell is publicly documented
// (URL shape, Edit mode, Inactivity Warning dialog), so the generic detector finds the questions and this adapter
// adds what is known: the page kind from `nav`, and warnings for the documented states that block answering.
import type { AdapterScan, PortalAdapter } from '../types';
import { collectGeneric } from '../generic';
import { isVisible, type VisibilityOptions } from '../visibility';
import { normalizeText } from '../text';

/** `/<tenant>/Default.aspx`, the WebForms entry page every ProcessUnity screen is served from. */
const DEFAULT_ASPX = /^\/[^/]+\/default\.aspx$/i;

export function isProcessUnityPage(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return (host === 'processunity.net' || host.endsWith('.processunity.net')) && DEFAULT_ASPX.test(url.pathname);
}

/** `nav` encodes area/group/task (e.g. `ASSESSMENTS/MyQuestionnaires/Details`). */
export function navOf(url: URL): string | undefined {
  const nav = url.searchParams.get('nav');
  return nav ? nav.replace(/\\/g, '/') : undefined;
}

function visibleWithText(doc: Document, selector: string, text: RegExp, visibility: VisibilityOptions): boolean {
  return Array.from(doc.querySelectorAll(selector)).some((el) => text.test(normalizeText(el.textContent ?? '')) && isVisible(el, visibility));
}

export function createProcessUnityAdapter(visibility: VisibilityOptions): PortalAdapter {
  return {
    id: 'processunity',
    hostPatterns: ['*://*.processunity.net/*'],
    recognize: (_doc, url) => isProcessUnityPage(url),
    collect(doc, url): AdapterScan {
      const scan = collectGeneric(doc, visibility);
      const warnings = [...scan.warnings];
      const nav = navOf(url);
      if (scan.questions.length === 0 && visibleWithText(doc, 'a, button, input[type="button"], input[type="submit"]', /^edit$/i, visibility)) {
        warnings.push('ProcessUnity shows this record read-only: click Edit in the action bar, then scan again.');
      }
      if (visibleWithText(doc, '[role="dialog"], .modal, .pu-dialog', /inactivity warning/i, visibility)) {
        warnings.push('ProcessUnity\'s Inactivity Warning dialog is open: continue the session before filling.');
      }
      const result: AdapterScan = { ...scan, warnings, pageKind: nav ? `default-aspx:${nav}` : 'default-aspx' };
      return result;
    },
  };
}

export const processunityAdapter = createProcessUnityAdapter({ layout: true });
