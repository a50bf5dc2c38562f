// A date field made of spin buttons, one per section (MUI X's "sections" field: role=group holding
// role=spinbutton month, day and year, each with aria-valuenow). Each section is told apart by its range
// (aria-valuemax), not by its caption, which the page's language decides.
export type DatePart = 'year' | 'month' | 'day';

export interface DateSections {
  group: Element;
  parts: Record<DatePart, Element>;
}

function partOf(section: Element): DatePart | null {
  const max = Number(section.getAttribute('aria-valuemax'));
  if (max === 12) return 'month';
  if (max >= 28 && max <= 31) return 'day';
  if (max >= 999) return 'year';
  return null;
}

/** The spin-button date field `el` belongs to (a section or the group itself), or null: exactly year, month, day. */
export function dateSectionsOf(el: Element): DateSections | null {
  const group = el.getAttribute('role') === 'group' ? el : el.closest('[role="group"]');
  if (!group) return null;
  const sections = Array.from(group.querySelectorAll('[role="spinbutton"]'));
  if (sections.length !== 3) return null;
  const parts: Partial<Record<DatePart, Element>> = {};
  for (const section of sections) {
    const part = partOf(section);
    if (!part || parts[part]) return null;
    parts[part] = section;
  }
  return { group, parts: parts as Record<DatePart, Element> };
}

/** The date the sections hold as YYYY-MM-DD, '' when none is entered, or null for a partly entered date. */
export function readDateSections(field: DateSections): string | null {
  const now = (part: DatePart) => field.parts[part].getAttribute('aria-valuenow');
  const [year, month, day] = [now('year'), now('month'), now('day')];
  if (!year && !month && !day) return '';
  if (!year || !month || !day) return null;
  return `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
