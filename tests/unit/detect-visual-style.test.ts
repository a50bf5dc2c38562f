// @vitest-environment happy-dom
// The layout-free parts of the visibility guard: colour alpha, filter opacity and brightness, the box a clip-path
// or legacy clip leaves, masks that show nothing, and the opacity product through ancestors and shadow hosts.
import { describe, expect, it } from 'vitest';
import { clipPathBox, clipRectBox, colorAlpha, filterEffect, maskReason } from '../../lib/detect/visual-style';
import { effectivePaint, LayoutReadings } from '../../lib/detect/visibility';

describe('colorAlpha', () => {
  it('reads the alpha of every computed colour form', () => {
    expect(colorAlpha('transparent')).toBe(0);
    expect(colorAlpha('rgba(0, 0, 0, 0)')).toBe(0);
    expect(colorAlpha('rgba(255, 255, 255, 0.4)')).toBeCloseTo(0.4);
    expect(colorAlpha('rgb(255 255 255 / 25%)')).toBeCloseTo(0.25);
    expect(colorAlpha('rgb(17, 34, 51)')).toBe(1);
    expect(colorAlpha('color(srgb 1 0 0 / 0)')).toBe(0);
  });
});

describe('filterEffect', () => {
  it('multiplies every opacity() and brightness() of the list', () => {
    expect(filterEffect('none')).toEqual({ opacity: 1, brightness: 1 });
    expect(filterEffect('opacity(0)')).toEqual({ opacity: 0, brightness: 1 });
    expect(filterEffect('opacity(50%) blur(2px) opacity(0.5)').opacity).toBeCloseTo(0.25);
    expect(filterEffect('brightness(0)').brightness).toBe(0);
    expect(filterEffect('brightness(1.5) contrast(2)')).toEqual({ opacity: 1, brightness: 1.5 });
  });
});

describe('clipPathBox', () => {
  it('measures inset(), circle(), ellipse() and polygon() against the border box', () => {
    expect(clipPathBox('inset(50%)', 300, 28)).toEqual({ left: 150, top: 14, width: 0, height: 0 });
    expect(clipPathBox('inset(0px 290px 0px 0px)', 300, 28)).toEqual({ left: 0, top: 0, width: 10, height: 28 });
    expect(clipPathBox('inset(2px round 4px)', 300, 28)).toEqual({ left: 2, top: 2, width: 296, height: 24 });
    expect(clipPathBox('circle(2px at 50% 50%)', 300, 28)).toEqual({ left: 148, top: 12, width: 4, height: 4 });
    expect(clipPathBox('ellipse(10px 3px at 0px 0px)', 300, 28)).toEqual({ left: -10, top: -3, width: 20, height: 6 });
    expect(clipPathBox('polygon(0px 0px, 3px 0px, 3px 3px)', 300, 28)).toEqual({ left: 0, top: 0, width: 3, height: 3 });
  });

  it('leaves what it cannot measure to the hit test', () => {
    expect(clipPathBox('none', 300, 28)).toBeNull();
    expect(clipPathBox('url("#mask")', 300, 28)).toBeNull();
    expect(clipPathBox('circle(closest-side at 50% 50%)', 300, 28)).toBeNull();
    expect(clipPathBox('inset(calc(50% - 1px))', 300, 28)).toBeNull();
  });
});

describe('clipRectBox', () => {
  it('measures the legacy clip: rect()', () => {
    expect(clipRectBox('rect(0px, 0px, 0px, 0px)', 300, 28)).toEqual({ left: 0, top: 0, width: 0, height: 0 });
    expect(clipRectBox('rect(0px, auto, 3px, auto)', 300, 28)).toEqual({ left: 0, top: 0, width: 300, height: 3 });
    expect(clipRectBox('auto', 300, 28)).toBeNull();
  });
});

describe('maskReason', () => {
  it('finds masks that show nothing and lets partial fades through', () => {
    expect(maskReason('none')).toBeNull();
    expect(maskReason('linear-gradient(rgba(0, 0, 0, 0), rgba(0, 0, 0, 0))')).toBe('masked out');
    expect(maskReason('linear-gradient(transparent, transparent), radial-gradient(rgba(0, 0, 0, 0) 10%, transparent)')).toBe('masked out');
    expect(maskReason('linear-gradient(rgb(0, 0, 0) 90%, rgba(0, 0, 0, 0))')).toBeNull();
    expect(maskReason('url("data:image/svg+xml,<svg/>")')).toBe('masked by an image');
  });
});

describe('effectivePaint', () => {
  it('multiplies opacity and filters through every ancestor and shadow host', () => {
    document.body.innerHTML = '<div id="outer" style="opacity: 0.3"><span id="host"></span></div>';
    const host = document.getElementById('host')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<span style="opacity: 0.3"><input id="field"></span><input id="plain">';
    const readings = new LayoutReadings();
    const read: Element[] = [];
    const original = window.getComputedStyle.bind(window);
    window.getComputedStyle = (el: Element, pseudo?: string | null) => {
      read.push(el);
      return original(el, pseudo);
    };
    try {
      expect(effectivePaint(root.getElementById('field')!, readings).opacity).toBeCloseTo(0.09);
      expect(effectivePaint(root.getElementById('plain')!, readings).opacity).toBeCloseTo(0.3);
      expect(readings.paint(document.getElementById('outer')!).opacity).toBeCloseTo(0.3);
    } finally {
      window.getComputedStyle = original;
    }
    // Each element's style is read once per scan: the shared ancestors (host, outer, body, html) are not read again.
    expect(read.length).toBe(new Set(read).size);
    expect(read).toContain(document.getElementById('outer'));
  });

  it('counts filter: opacity() and brightness() on an ancestor', () => {
    document.body.innerHTML = '<div style="filter: opacity(0)"><input id="a"></div><div style="filter: brightness(0)"><input id="b"></div>';
    expect(effectivePaint(document.getElementById('a')!, new LayoutReadings()).opacity).toBe(0);
    expect(effectivePaint(document.getElementById('b')!, new LayoutReadings()).brightness).toBe(0);
  });
});
