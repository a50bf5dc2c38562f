// The <label> elements of a control, found without `HTMLInputElement.labels`: Chromium recomputes that list by
// walking the whole tree scope after every DOM change, which made a 3,000-control scan quadratic. One query per
// tree scope per scan builds a `for` map instead.

export class LabelIndex {
  private byRoot = new Map<Node, Map<string, Element[]>>();

  /** Labels pointing at `el` by `for`, then a wrapping label (unless that label points elsewhere). */
  labelsOf(el: Element): Element[] {
    const found: Element[] = [];
    if (el.id) found.push(...(this.forMap(el.getRootNode()).get(el.id) ?? []));
    const wrap = el.parentElement?.closest('label');
    if (wrap && !found.includes(wrap)) {
      const target = wrap.getAttribute('for');
      if (!target || target === el.id) found.push(wrap);
    }
    return found;
  }

  private forMap(root: Node): Map<string, Element[]> {
    let map = this.byRoot.get(root);
    if (!map) {
      map = new Map();
      for (const label of (root as ParentNode).querySelectorAll('label[for]')) {
        const id = label.getAttribute('for') ?? '';
        const list = map.get(id);
        if (list) list.push(label);
        else map.set(id, [label]);
      }
      this.byRoot.set(root, map);
    }
    return map;
  }
}

/** One-off lookup (writers, fill guards): a targeted query instead of building the whole index. */
export function labelsOf(el: Element): Element[] {
  const found: Element[] = el.id ? Array.from((el.getRootNode() as ParentNode).querySelectorAll(`label[for="${CSS.escape(el.id)}"]`)) : [];
  const wrap = el.parentElement?.closest('label');
  if (wrap && !found.includes(wrap) && (!wrap.getAttribute('for') || wrap.getAttribute('for') === el.id)) found.push(wrap);
  return found;
}
