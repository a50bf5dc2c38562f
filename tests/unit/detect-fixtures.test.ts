// @vitest-environment happy-dom
// The static generic fixtures under happy-dom (style-only visibility): same expected-result files as the
// Chromium e2e table, so the label strategies and grouping are proven without a browser too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanPage } from '../../lib/detect/scan-page';
import { FieldRegistry } from '../../lib/detect/field-registry';
import { PageScanSchema } from '../../lib/schema';
import { comparableQuestions, GENERIC_FIXTURES_DIR, loadExpectations } from '../fixtures/portals/generic/expectations';

export function loadFixture(file: string): void {
  const html = readFileSync(join(GENERIC_FIXTURES_DIR, file), 'utf8');
  // Without script execution: the static markup is what the detector must understand.
  const withoutScripts = html.replace(/<script[\s\S]*?<\/script>/g, '');
  document.documentElement.innerHTML = withoutScripts.replace(/^<!doctype html>/i, '');
}

describe('generic fixtures under happy-dom', () => {
  const table = loadExpectations().filter((e) => !e.browserOnly);
  it('has static fixtures to check', () => {
    expect(table.length).toBeGreaterThanOrEqual(5);
  });
  for (const expectation of table) {
    it(`${expectation.fixture} yields the expected questions`, () => {
      loadFixture(expectation.fixture);
      const scan = scanPage(document, { adapters: [], layout: false, registry: new FieldRegistry('t') });
      expect(PageScanSchema.parse(scan)).toEqual(scan);
      expect(comparableQuestions(scan)).toEqual(expectation.questions);
    });
  }
});
