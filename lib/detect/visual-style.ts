// Pure readings of computed CSS values that decide whether a field's pixels reach the screen: the alpha of a
// colour, what a `filter` does to opacity and brightness, the box a `clip-path` or `clip` leaves, a mask that
// shows nothing. No layout here: callers pass the sizes, so all of it runs under a DOM without layout engine.

/** A box in an element's own (untransformed) pixels, relative to its border box's top-left corner. */
export interface LocalBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?`;

/** The alpha channel of a computed colour (`transparent`, `rgb()`, `rgba()`, `rgb(r g b / a)`, `color(...)`). */
export function colorAlpha(color: string): number {
  const value = color.trim().toLowerCase();
  if (value === 'transparent') return 0;
  const fn = /^(?:rgba?|hsla?|color|lab|lch|oklab|oklch|hwb)\((.*)\)$/.exec(value);
  if (!fn) return 1;
  const args = fn[1] as string;
  const slash = args.lastIndexOf('/');
  const commas = args.split(',');
  const alpha = slash >= 0 ? args.slice(slash + 1) : commas.length === 4 ? (commas[3] as string) : null;
  if (alpha === null) return 1;
  return parseAmount(alpha.trim(), 1);
}

/** `0.5`, `50%`, or a fallback when the text is not a plain number (e.g. `calc()`, `none`). */
function parseAmount(text: string, fallback: number): number {
  const m = new RegExp(`^(${NUMBER})(%?)$`, 'i').exec(text.trim());
  if (!m) return fallback;
  const n = Number.parseFloat(m[1] as string);
  return m[2] ? n / 100 : n;
}

export interface FilterEffect {
  /** Multiplier on the element's opacity: every `opacity()` of the filter list. */
  opacity: number;
  /** Multiplier on its brightness: every `brightness()`; near 0 paints everything black. */
  brightness: number;
}

/** What a computed `filter` list does to opacity and brightness (other functions leave both at 1). */
export function filterEffect(filter: string): FilterEffect {
  const effect = { opacity: 1, brightness: 1 };
  if (!filter || filter === 'none') return effect;
  for (const m of filter.matchAll(/(opacity|brightness)\(\s*([^)]*)\)/gi)) {
    const name = (m[1] as string).toLowerCase() as 'opacity' | 'brightness';
    const amount = (m[2] as string).trim() === '' ? 1 : parseAmount(m[2] as string, 1);
    effect[name] *= name === 'opacity' ? Math.min(Math.max(amount, 0), 1) : Math.max(amount, 0);
  }
  return effect;
}

/** A length of a basic shape: px, or % of `basis`. Null for anything else (calc(), keywords). */
function length(text: string | undefined, basis: number): number | null {
  if (text === undefined) return null;
  const m = new RegExp(`^(${NUMBER})(px|%)?$`, 'i').exec(text.trim());
  if (!m) return null;
  const n = Number.parseFloat(m[1] as string);
  if (m[2] === '%') return (n / 100) * basis;
  return m[2] || n === 0 ? n : null;
}

/** Lengths separated by spaces, outside parentheses. */
function tokens(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean);
}

/** The `at x y` centre of a circle or ellipse, centred by default. */
function shapeCentre(at: string | undefined, width: number, height: number): { x: number; y: number } | null {
  if (!at) return { x: width / 2, y: height / 2 };
  const [xs, ys] = tokens(at);
  const keyword: Record<string, number> = { left: 0, top: 0, center: 0.5, right: 1, bottom: 1 };
  const x = xs !== undefined && xs in keyword ? (keyword[xs] as number) * width : length(xs, width);
  const y = ys === undefined ? height / 2 : ys in keyword ? (keyword[ys] as number) * height : length(ys, height);
  return x === null || y === null ? null : { x, y };
}

function insetBox(args: string, width: number, height: number): LocalBox | null {
  const [sides] = args.split(/\sround\s/);
  const t = tokens(sides ?? '');
  const [top, right = top, bottom = top, left = right] = t;
  const tp = length(top, height);
  const rp = length(right, width);
  const bp = length(bottom, height);
  const lp = length(left, width);
  if (tp === null || rp === null || bp === null || lp === null) return null;
  return { left: lp, top: tp, width: Math.max(0, width - lp - rp), height: Math.max(0, height - tp - bp) };
}

function ellipseBox(kind: 'circle' | 'ellipse', args: string, width: number, height: number): LocalBox | null {
  const [radii, at] = args.split(/\bat\b/);
  const centre = shapeCentre(at, width, height);
  const r = tokens(radii ?? '');
  const diagonal = Math.sqrt((width * width + height * height) / 2);
  let rx: number | null;
  let ry: number | null;
  if (kind === 'circle') {
    rx = ry = r.length === 0 ? null : length(r[0], diagonal);
  } else {
    rx = r.length === 0 ? null : length(r[0], width);
    ry = r.length < 2 ? null : length(r[1], height);
  }
  // closest-side / farthest-side and defaults depend on the centre; they never shrink a field to a few pixels
  // unless the centre is at an edge, which the hit test then sees.
  if (!centre || rx === null || ry === null) return null;
  return { left: centre.x - rx, top: centre.y - ry, width: 2 * rx, height: 2 * ry };
}

function polygonBox(args: string, width: number, height: number): LocalBox | null {
  const points = args.replace(/^\s*(nonzero|evenodd)\s*,/, '').split(',');
  const xs: number[] = [];
  const ys: number[] = [];
  for (const point of points) {
    const [x, y] = tokens(point);
    const px = length(x, width);
    const py = length(y, height);
    if (px === null || py === null) return null;
    xs.push(px);
    ys.push(py);
  }
  if (xs.length === 0) return null;
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  return { left, top, width: Math.max(...xs) - left, height: Math.max(...ys) - top };
}

/**
 * The bounding box a computed `clip-path` leaves of a `width` x `height` border box, or null when there is no
 * clip-path or its shape cannot be measured here (url(), path(), calc(): the hit test judges those).
 */
export function clipPathBox(clipPath: string, width: number, height: number): LocalBox | null {
  const m = /^(inset|circle|ellipse|polygon)\((.*)\)/i.exec(clipPath.trim());
  if (!m) return null;
  const kind = (m[1] as string).toLowerCase();
  const args = m[2] as string;
  if (kind === 'inset') return insetBox(args, width, height);
  if (kind === 'polygon') return polygonBox(args, width, height);
  return ellipseBox(kind as 'circle' | 'ellipse', args, width, height);
}

/** The box the legacy `clip: rect(top, right, bottom, left)` property leaves (absolutely positioned elements). */
export function clipRectBox(clip: string, width: number, height: number): LocalBox | null {
  const m = /^rect\((.*)\)$/i.exec(clip.trim());
  if (!m) return null;
  const parts = (m[1] as string).split(/\s*,\s*|\s+/).filter(Boolean);
  if (parts.length !== 4) return null;
  const [top, right, bottom, left] = parts.map((p, i) => (p === 'auto' ? (i === 1 ? width : i === 2 ? height : 0) : length(p, 0)));
  if (top == null || right == null || bottom == null || left == null) return null;
  return { left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

/** The top-level comma-separated layers of a computed list value (commas inside functions kept). */
function layers(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(value.slice(start).trim());
  return out.filter(Boolean);
}

/** Why a computed `mask-image` shows nothing of the element, or null when the mask lets it show. */
export function maskReason(maskImage: string): string | null {
  if (!maskImage || maskImage === 'none') return null;
  const all = layers(maskImage);
  if (all.every((layer) => layer === 'none')) return null;
  const gradients = all.filter((layer) => /gradient\(/i.test(layer));
  // An image mask cannot be read from here (it may be empty): a form field has no business under one.
  if (gradients.length < all.filter((layer) => layer !== 'none').length) return 'masked by an image';
  const colours = gradients.flatMap((g) => g.match(/(?:rgba?|hsla?|color|lab|lch|oklab|oklch|hwb)\([^)]*\)|\btransparent\b/gi) ?? []);
  if (colours.length > 0 && colours.every((c) => colorAlpha(c) < 0.1)) return 'masked out';
  return null;
}
