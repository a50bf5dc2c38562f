// @vitest-environment happy-dom
// The incremental re-scan must report exactly what a full scan reports, after any mix of page changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GenericScanCache } from '../../lib/detect/incremental-scan';
import { collectGeneric } from '../../lib/detect/generic';

function block(n: number, kind: number): string {
  if (kind === 0) return `<div class="q" id="b${n}"><label for="i${n}">Question number ${n} text?</label><input id="i${n}"></div>`;
  if (kind === 1) return `<fieldset id="b${n}"><legend>Choice question ${n}?</legend><label><input type="radio" name="r${n}">Yes</label><label><input type="radio" name="r${n}">No</label><label>Comments <textarea></textarea></label></fieldset>`;
  return `<table id="b${n}"><tr><td>${n}.1</td><td>Table question ${n}?</td><td><select><option>Yes</option><option>No</option></select></td></tr></table>`;
}

const change = fc.oneof(
  fc.record({ op: fc.constant('add' as const), kind: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('relabel' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('hide' as const), at: fc.nat() }),
);

const texts = (qs: ReturnType<typeof collectGeneric>['questions']) => qs.map((q) => [q.text, q.kind, q.comment !== undefined]);

describe('incremental re-scan', () => {
  it('equals a full scan after random additions, removals, relabels and hides', () => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 12 }), (changes) => {
        document.body.innerHTML = `<main id="m"><div id="list">${[0, 1, 2, 3].map((n) => block(n, n % 3)).join('')}</div></main>`;
        const cache = new GenericScanCache();
        cache.full(document, { layout: false });
        let next = 10;
        for (const c of changes) {
          const list = document.getElementById('list')!;
          const blocks = Array.from(list.children);
          let dirty: Node[] = [];
          if (c.op === 'add') {
            list.insertAdjacentHTML('beforeend', block(next++, c.kind));
            dirty = [list];
          } else if (blocks.length > 0) {
            const target = blocks[c.at % blocks.length]!;
            if (c.op === 'remove') {
              target.remove();
              dirty = [list];
            } else if (c.op === 'relabel') {
              const caption = target.querySelector('label, legend, td:nth-child(2)')!;
              caption.textContent = `Changed ${next++} wording?`;
              dirty = [caption.firstChild!];
            } else {
              (target as HTMLElement).style.display = 'none';
              dirty = [target];
            }
          }
          const incremental = cache.update(document, dirty, { layout: false });
          expect(texts(incremental.questions)).toEqual(texts(collectGeneric(document, { layout: false }).questions));
        }
      }),
      { numRuns: 60 },
    );
  });
});
