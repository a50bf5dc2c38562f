// Document order across tree scopes: an element inside an open shadow root sorts at its host's place (after the
// host itself), so questions from shadow roots and light DOM interleave as the analyst sees them.

function hostChain(node: Node): Node[] {
  const chain: Node[] = [node];
  for (let root = node.getRootNode(); root instanceof (node.ownerDocument?.defaultView ?? globalThis).ShadowRoot; root = chain[chain.length - 1]!.getRootNode()) {
    chain.push((root as ShadowRoot).host);
  }
  return chain;
}

/** Negative when `a` comes before `b`. */
export function compareDocumentOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  if (a.getRootNode() === b.getRootNode()) {
    const pos = a.compareDocumentPosition(b);
    return pos & 4 ? -1 : pos & 2 ? 1 : 0;
  }
  const ca = hostChain(a);
  const cb = hostChain(b);
  for (let i = 0; i < ca.length; i++) {
    const x = ca[i] as Node;
    for (let j = 0; j < cb.length; j++) {
      const y = cb[j] as Node;
      if (x.getRootNode() !== y.getRootNode()) continue;
      // One is (inside) the other's host: the host comes first.
      if (x === y) return i - j;
      const pos = x.compareDocumentPosition(y);
      return pos & 4 ? -1 : pos & 2 ? 1 : 0;
    }
  }
  return 0;
}
