// @vitest-environment happy-dom
// The OneTrust button writer against a scripted group: waits out the disabled save window, confirms the
// selection, clicks once more when a click was lost, gives up after two, and changes nothing for unknown labels.
import { beforeEach, describe, expect, it } from 'vitest';
import { onetrustButtonsWriter, onetrustRichTextWriter } from '../../lib/fill/writers/onetrust-buttons';

const SAVE_MS = 40;

/** A question card whose buttons behave like OneTrust's: a click selects, then every button is disabled for a while. */
function mountGroup(labels: string[], opts: { multi?: boolean; loseClicks?: number } = {}) {
  document.body.innerHTML = `<aa-assessment-detail-question><div class="aa-question__button-row">${labels
    .map((l) => `<button class="vt-button full-width vt-button--secondary"${opts.multi ? ' aria-checked="false"' : ''}>${l}</button>`)
    .join('')}</div><div class="aa-question__footer"><button class="vt-button">Comments</button></div></aa-assessment-detail-question>`;
  const row = document.querySelector('.aa-question__button-row') as HTMLElement;
  const buttons = Array.from(row.querySelectorAll('button'));
  const log = { clicks: 0, lost: 0, clickedWhileDisabled: 0 };
  let toLose = opts.loseClicks ?? 0;
  for (const b of buttons) {
    b.addEventListener('click', () => {
      log.clicks++;
      if (b.disabled) {
        log.clickedWhileDisabled++;
        return;
      }
      buttons.forEach((x) => (x.disabled = true));
      setTimeout(() => buttons.forEach((x) => (x.disabled = false)), SAVE_MS);
      if (toLose > 0) {
        toLose--;
        log.lost++;
        return;
      }
      const on = !b.classList.contains('vt-button--primary');
      if (!opts.multi) buttons.forEach((x) => x.classList.replace('vt-button--primary', 'vt-button--secondary'));
      b.classList.toggle('vt-button--primary', on);
      b.classList.toggle('vt-button--secondary', !on);
      if (opts.multi) b.setAttribute('aria-checked', String(on));
    });
  }
  return { row, buttons, log };
}

describe('onetrust-buttons writer', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('selects several options one save at a time, never clicking a disabled group', async () => {
    const { row, log } = mountGroup(['ISO 27001', 'SOC 2', 'NIST CSF'], { multi: true });
    await onetrustButtonsWriter.write(row, ['SOC 2', 'NIST CSF'], 'multi-choice', {});
    expect(onetrustButtonsWriter.read(row, 'multi-choice')).toEqual(['SOC 2', 'NIST CSF']);
    expect(log).toEqual({ clicks: 2, lost: 0, clickedWhileDisabled: 0 });
    await onetrustButtonsWriter.write(row, ['ISO 27001'], 'multi-choice', {});
    expect(onetrustButtonsWriter.read(row, 'multi-choice')).toEqual(['ISO 27001']);
    expect(log.clickedWhileDisabled).toBe(0);
  });

  it('clicks once more when the first click did not take', async () => {
    const { row, log } = mountGroup(['Yes', 'No'], { loseClicks: 1 });
    await onetrustButtonsWriter.write(row, 'No', 'yesno', {});
    expect(onetrustButtonsWriter.read(row, 'yesno')).toBe('No');
    expect(log).toEqual({ clicks: 2, lost: 1, clickedWhileDisabled: 0 });
  });

  it('gives up after two lost clicks and says which option', async () => {
    const { row, log } = mountGroup(['Yes', 'No'], { loseClicks: 5 });
    await expect(onetrustButtonsWriter.write(row, 'Yes', 'yesno', {})).rejects.toThrow('the OneTrust option "Yes" is still not selected after two clicks');
    expect(log.clicks).toBe(2);
  });

  it('resolves every label before clicking: an unknown one changes nothing', async () => {
    const { row, log } = mountGroup(['SAML', 'OIDC'], { multi: true });
    await expect(onetrustButtonsWriter.write(row, ['SAML', 'Kerberos'], 'multi-choice', {})).rejects.toThrow(/Kerberos/);
    expect(log.clicks).toBe(0);
  });

  it('refuses several labels for a single-choice question', async () => {
    const { row, log } = mountGroup(['Yes', 'No']);
    await expect(onetrustButtonsWriter.write(row, ['Yes', 'No'], 'yesno', {})).rejects.toThrow(/one option/);
    expect(log.clicks).toBe(0);
  });

  it('maps Yes/No synonyms and clears a single choice with null', async () => {
    const { row } = mountGroup(['Yes', 'No', 'Not Applicable']);
    await onetrustButtonsWriter.write(row, 'n/a', 'yesno', {});
    expect(onetrustButtonsWriter.read(row, 'yesno')).toBe('Not Applicable');
    await onetrustButtonsWriter.write(row, null, 'yesno', {});
    expect(onetrustButtonsWriter.read(row, 'yesno')).toBeNull();
  });
});

describe('onetrust-richtext writer', () => {
  it('selects the lone Not applicable button for its own label only, and reads it back', async () => {
    document.body.innerHTML = `<aa-assessment-detail-question><div class="ql-editor" contenteditable="true"><p><br></p></div>
      <div class="aa-question__button-row aa-question__na"><button class="vt-button vt-button--secondary">Not applicable</button></div></aa-assessment-detail-question>`;
    const card = document.querySelector('aa-assessment-detail-question') as Element;
    const na = card.querySelector('button') as HTMLButtonElement;
    na.addEventListener('click', () => na.classList.toggle('vt-button--primary'));
    await onetrustRichTextWriter.write(card, 'N/A', 'richtext', {}).catch(() => undefined);
    expect(na.classList.contains('vt-button--primary')).toBe(false);
    await onetrustRichTextWriter.write(card, 'Not applicable', 'richtext', {});
    expect(na.classList.contains('vt-button--primary')).toBe(true);
    expect(onetrustRichTextWriter.read(card, 'richtext')).toBe('Not applicable');
    await expect(onetrustRichTextWriter.write(card, ['a'], 'richtext', {})).rejects.toThrow(/takes text/);
  });
});
