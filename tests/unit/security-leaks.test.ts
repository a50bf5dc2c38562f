// The leak finder of the hostile-page e2e tests must itself be able to fail: it flags library markers anywhere
// except a filled field's own value, and even there flags markers of other entries.
import { describe, expect, it } from 'vitest';
import { CANARY } from '../fixtures/portals/hostile/library';
import { findLeaks, type Observation } from '../fixtures/portals/hostile/leaks';

const seen = (kind: string, where: string, text: string): Observation => ({ kind, where, text });

describe('findLeaks', () => {
  it('allows a filled field to show its own answer as value, events and text', () => {
    const observations = [
      seen('value', 'q-a', `Yes. ${CANARY}-enc`),
      seen('event', 'q-a', `input  "Yes. ${CANARY}-enc"`),
      seen('text', 'q-rich', `Rich ${CANARY}-sdlc`),
    ];
    expect(findLeaks(observations, { 'q-a': 'enc', 'q-rich': 'sdlc' })).toEqual([]);
  });

  it('flags library text in attributes, messages, CSS, other fields, or another entry in a filled field', () => {
    const observations = [
      seen('attribute', 'q-a', `data-answer=Yes. ${CANARY}-enc`),
      seen('message', '', `{"answer":"${CANARY}-enc"}`),
      seen('css', '', `.x::after { content: "${CANARY}-enc"; }`),
      seen('value', 'q-b', `${CANARY}-enc`),
      seen('value', 'q-a', `${CANARY}-enc ${CANARY}-secret-1`),
      seen('value', 'q-a', `${CANARY}-enc-at-rest`),
      seen('added', 'overlay', `<div>${CANARY} policy for enc</div>`),
    ];
    expect(findLeaks(observations, { 'q-a': 'enc' })).toHaveLength(observations.length);
  });
});
