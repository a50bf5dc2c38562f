// We never submit or save a portal form. Two guards: a control that submits or saves (a submit button, a
// <button> in a form without type=button, a caption saying save/submit/finish/complete/send) is never clicked
// to move between sections; and while any click of ours runs, the page's `submit` events are cancelled, so a
// page handler that submits on an innocent click is stopped too.

/** Whole words only: a section header showing "Completed" progress is not a "complete" button. */
const SAVE_WORDS = /\b(save|submit|finish|complete|send)\b/i;

function captionOf(el: Element): string {
  const parts = [el.textContent ?? '', el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '', el.getAttribute('value') ?? ''];
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Why clicking `el` could submit or save the form, or null when it is a plain navigation control. */
export function submitRisk(el: Element): string | null {
  const tag = el.tagName.toLowerCase();
  const type = (el.getAttribute('type') ?? '').toLowerCase();
  if (tag === 'input' && (type === 'submit' || type === 'image')) return 'it is a submit button';
  if (tag === 'button' && type !== 'button' && type !== 'reset') {
    if (type === 'submit') return 'it is a submit button';
    if ((el as HTMLButtonElement).form) return 'it is a button inside a form without type="button" (it submits the form)';
  }
  const caption = captionOf(el);
  const word = SAVE_WORDS.exec(caption);
  if (word) return `its label says "${word[0]}"`;
  return null;
}

/** Run `click` with every `submit` event of the element's document (and shadow root) cancelled meanwhile. */
export function withSubmitsBlocked<T>(el: Element, click: () => T): T {
  const cancel = (e: Event) => {
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  const targets = new Set<EventTarget>([el.ownerDocument, el.getRootNode()]);
  for (const t of targets) t.addEventListener('submit', cancel, { capture: true });
  try {
    return click();
  } finally {
    for (const t of targets) t.removeEventListener('submit', cancel, { capture: true });
  }
}
