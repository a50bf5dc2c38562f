// Outlines over detected / focused / filled fields. The overlay is a host element with a CLOSED shadow root,
// `pointer-events: none` everywhere, and only empty boxes: no answer or question text ever enters the page DOM.
import { OWN_HOST_ATTRIBUTE } from '../detect/deep-query';

export type HighlightMode = 'detected' | 'focus' | 'filled';

const COLORS: Record<HighlightMode, string> = {
  detected: 'rgba(37, 99, 235, 0.9)',
  focus: 'rgba(234, 88, 12, 0.95)',
  filled: 'rgba(22, 163, 74, 0.9)',
};

interface Overlay {
  host: HTMLElement;
  layer: HTMLElement;
}

/** One overlay per document (a same-origin iframe's fields are outlined inside that iframe). */
export class HighlightOverlay {
  private overlays = new Map<Document, Overlay>();
  private boxes = new Map<Element, { box: HTMLElement; mode: HighlightMode }>();
  /** Scroll containers and resizes move fields without moving the document: re-measure once per frame. */
  private listening: AbortController | undefined;
  private frameRequested = false;

  show(elements: Element[], mode: HighlightMode): void {
    for (const el of elements) {
      const existing = this.boxes.get(el);
      const box = existing?.box ?? this.layerFor(el.ownerDocument).appendChild(el.ownerDocument.createElement('div'));
      this.boxes.set(el, { box, mode });
      this.place(el, box, mode);
    }
    this.listen();
  }

  private listenedDocs = new Set<Document>();

  private listen(): void {
    this.listening ??= new AbortController();
    const onMove = () => {
      if (this.frameRequested) return;
      this.frameRequested = true;
      requestAnimationFrame(() => {
        this.frameRequested = false;
        this.refresh();
      });
    };
    for (const doc of this.overlays.keys()) {
      if (this.listenedDocs.has(doc)) continue;
      this.listenedDocs.add(doc);
      doc.defaultView?.addEventListener('scroll', onMove, { capture: true, passive: true, signal: this.listening.signal });
      doc.defaultView?.addEventListener('resize', onMove, { passive: true, signal: this.listening.signal });
    }
  }

  /** Re-measure every box (after scroll containers moved or the layout changed). */
  refresh(): void {
    for (const [el, { box, mode }] of this.boxes) {
      if (!el.isConnected) {
        box.remove();
        this.boxes.delete(el);
      } else this.place(el, box, mode);
    }
  }

  clear(): void {
    this.listening?.abort();
    this.listening = undefined;
    this.listenedDocs.clear();
    for (const o of this.overlays.values()) o.host.remove();
    this.overlays.clear();
    this.boxes.clear();
  }

  private place(el: Element, box: HTMLElement, mode: HighlightMode): void {
    const view = el.ownerDocument.defaultView;
    const rect = el.getBoundingClientRect();
    const x = rect.left + (view?.scrollX ?? 0);
    const y = rect.top + (view?.scrollY ?? 0);
    box.style.cssText =
      `position:absolute;left:${x - 3}px;top:${y - 3}px;width:${rect.width + 6}px;height:${rect.height + 6}px;` +
      `box-sizing:border-box;border:2px ${mode === 'detected' ? 'dashed' : 'solid'} ${COLORS[mode]};border-radius:4px;` +
      `pointer-events:none;${mode === 'focus' ? `box-shadow:0 0 0 4px ${COLORS.focus.replace('0.95', '0.25')};` : ''}`;
  }

  private layerFor(doc: Document): HTMLElement {
    const existing = this.overlays.get(doc);
    if (existing && existing.host.isConnected) return existing.layer;
    const host = doc.createElement('div');
    host.setAttribute(OWN_HOST_ATTRIBUTE, '');
    host.style.cssText = 'all:initial;position:absolute;left:0;top:0;width:0;height:0;z-index:2147483646;pointer-events:none;';
    const shadow = host.attachShadow({ mode: 'closed' });
    const layer = doc.createElement('div');
    layer.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none;';
    shadow.appendChild(layer);
    doc.documentElement.appendChild(host);
    this.overlays.set(doc, { host, layer });
    return layer;
  }
}
