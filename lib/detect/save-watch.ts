// Observes, never acts: the analyst's own clicks on a portal's Save (or Submit) control, counted so the panel can
// tell which fills the portal has saved, and an id per loaded document so it can tell a reload.
import { normalizeText } from './text';

const SAVE_CAPTION = /^(save|save (and|&) (exit|close|continue|next)|save( as)? draft|submit)\b/i;
const CLICKABLE = 'button, input[type="submit"], input[type="button"], a, [role="button"]';

export class SaveWatch {
  saves = 0;
  private ids = new WeakMap<Document, string>();
  private indicators = 0;

  constructor(
    private signal: AbortSignal,
    private onSave: () => void,
  ) {}

  /** Watch each document not seen before (the page's and its same-origin frames'); returns their joint id. */
  observe(docs: readonly Document[]): string {
    return docs.map((d) => this.idOf(d)).join('+');
  }

  /** The page's own "saved" indicators now showing: one more than last time is a save the portal made itself. */
  noteIndicators(showing: number): void {
    if (showing > this.indicators) this.saves++;
    this.indicators = showing;
  }

  private idOf(doc: Document): string {
    let id = this.ids.get(doc);
    if (!id) {
      id = Math.random().toString(36).slice(2, 12);
      this.ids.set(doc, id);
      doc.addEventListener('click', this.onClick, { capture: true, signal: this.signal });
    }
    return id;
  }

  private onClick = (event: Event): void => {
    // Only a person's click counts: a page could dispatch synthetic clicks to silence the unsaved warning.
    if (!event.isTrusted) return;
    const target = event.target as Element | null;
    const control = typeof target?.closest === 'function' ? target.closest(CLICKABLE) : null;
    if (!control) return;
    const caption = normalizeText(control.getAttribute('aria-label') || control.textContent || (control as HTMLInputElement).value || '');
    if (!SAVE_CAPTION.test(caption)) return;
    this.saves++;
    this.onSave();
  };
}
