// What a question asks beyond its topic, and whose side it is on: "how often" needs a frequency, "who" a role,
// "how is it communicated" the communicating; a question about what the customer can do or get is not answered
// by an entry about our own workforce control. A topic match that misses these ships only after a rewrite.

/** The kind of answer a question asks for, besides its topic. */
export type Facet = 'frequency' | 'duration' | 'role' | 'named' | 'method' | 'done';

/** Whose side a question or an entry is on. */
export type Scope = 'customer-does' | 'customer-gets' | 'product' | 'workforce' | 'none';

const FREQUENCY_ASKED = /\bhow (?:often|frequently|regularly)\b|\bwhat (?:interval|frequency|cadence)\b|\bfrequency (?:of|at which)\b/;
const DURATION_ASKED = /\bhow (?:long|quickly|fast|soon)\b|\bwithin what\b|\bwhat (?:is the )?(?:time ?frame|timeline|retention period)\b|\bhow many (?:days|hours|weeks|months|years)\b/;
const ROLE_ASKED = /^(?:who|whom)\b|\bwho (?:is|are|can|has|have|will|must|approves|reviews|owns|performs|signs|monitors|manages|decides)\b|\bwhich (?:team|role|person|individual|group|department|function)s?\b/;
const NAMED_ASKED = /^(?:which|what) (?:tools?|products?|vendors?|providers?|algorithms?|regions?|standards?|frameworks?|technolog(?:y|ies)|services?|ciphers?|locations?|countries)\b/;
/** A yes/no question: "Are plans tested?", "Is the policy reviewed annually?", "Do you test backups?". */
const YES_NO = /^(?:are|is|do|does|have|has|will|can)\b/;
/** The one process a yes/no question asks about, as a participle ("Are the plans tested?"). */
const DONE_ASKED = /\b(?:tested|reviewed|approved|updated|revised|exercised)\b/;
const METHOD_ASKED = /\b(?:describe|explain|outline|detail) how\b|^how (?:is|are|do|does|will|can|would)\b/;

/**
 * The process verbs that questionnaires list as boilerplate ("established, documented, approved, communicated")
 * and the matcher ignores: asked "how" one of them happens, the answer must speak of it (or a synonym).
 */
const PROCESS_VERBS: ReadonlyArray<{ asked: RegExp; answered: RegExp; label: string }> = [
  { asked: /\bcommunicat\w*|\bdisseminat\w*|\bdistribut\w*/, answered: /\bcommunicat|\bpublish|\bdistribut|\backnowledg|\baccept|\bsign(?:s|ed)\b|\bannounc|\bshared?\b|\bintranet|\bonboarding|\btraining/, label: 'communicated' },
  { asked: /\bapprov\w*/, answered: /\bapprov|\bsign[- ]?off|\bsigned off|\bendorse|\bratif/, label: 'approved' },
  { asked: /\breview\w*/, answered: /\breview|\brecertif|\brevalidat|\baudit/, label: 'reviewed' },
  { asked: /\btest(?:ed|ing)?\b|\bexercis\w*/, answered: /\btest|\bexercis|\bdrill|\btabletop/, label: 'tested' },
  { asked: /\bupdat\w*|\brevis\w*/, answered: /\bupdat|\brevis|\brefresh|\brebuil/, label: 'updated' },
  { asked: /\benforc\w*/, answered: /\benforc|\bblock|\brequire|\bmandator|\bautomatic/, label: 'enforced' },
];

const FREQUENCY_ANSWER =
  /\b(?:daily|weekly|monthly|quarterly|annually|annual|yearly|hourly|nightly|fortnightly|(?:semi|bi)[- ]?annual(?:ly)?|continuous(?:ly)?|real[- ]time|24x7|24\/7|every|each (?:day|week|month|quarter|year)|once|twice|per (?:day|week|month|quarter|year)|times a)\b/i;
const DURATION_ANSWER =
  /\b\d+(?:[.,]\d+)?\s*(?:-\s*)?(?:minutes?|hours?|h|days?|business days|weeks?|months?|years?)\b|\b(?:one|two|three|four|five|six|seven|ten|twelve|thirty|ninety) (?:minutes?|hours?|days?|weeks?|months?|years?)\b|\bsubscription term\b|\bimmediately\b|\bsame day\b/i;
const ROLE_ANSWER =
  /\b(?:ciso|ceo|cto|coo|cfo|cio|dpo|officer|committee|board|team|teams|owners?|managers?|management|leadership|executive|department|hr|legal|engineers?|administrators?|admins?|staff|firm|auditors?|registrar|provider|soc|analysts?|lead|head|steering|director|personnel|individuals|commander|on-call)\b/i;
/** A name or a figure: a capitalised word after the first one, or a digit. */
const NAMED_ANSWER = /\s[A-Z][A-Za-z0-9]+|\d/;

/** The facets a normalised question asks for (lower case, numbering removed). */
export function askedFacets(normalizedQuestion: string): Facet[] {
  const q = normalizedQuestion;
  const facets: Facet[] = [];
  if (FREQUENCY_ASKED.test(q)) facets.push('frequency');
  if (DURATION_ASKED.test(q)) facets.push('duration');
  if (ROLE_ASKED.test(q)) facets.push('role');
  if (NAMED_ASKED.test(q)) facets.push('named');
  if (facets.length === 0 && METHOD_ASKED.test(q)) facets.push('method');
  else if (facets.length === 0 && YES_NO.test(q) && askedProcessVerbs(q).length === 1 && DONE_ASKED.test(q)) facets.push('done');
  return facets;
}

/** The process verbs a "how" question asks about (see PROCESS_VERBS), by index. */
function askedProcessVerbs(normalizedQuestion: string): number[] {
  const out: number[] = [];
  PROCESS_VERBS.forEach((v, i) => {
    if (v.asked.test(normalizedQuestion)) out.push(i);
  });
  return out;
}

/**
 * The first asked facet the answer does not give, as words for the why line, or undefined when it gives them
 * all. `answer` is the entry's answer as written (capitals kept, for names).
 */
export function missingFacet(normalizedQuestion: string, facets: readonly Facet[], answer: string): string | undefined {
  for (const facet of facets) {
    if (facet === 'frequency' && !FREQUENCY_ANSWER.test(answer)) return 'asks how often; the answer names no frequency';
    if (facet === 'duration' && !DURATION_ANSWER.test(answer)) return 'asks how long; the answer names no time';
    if (facet === 'role' && !ROLE_ANSWER.test(answer)) return 'asks who; the answer names no role';
    if (facet === 'named' && !NAMED_ANSWER.test(answer)) return 'asks which; the answer names none';
    if (facet === 'method' || facet === 'done') {
      const lower = answer.toLowerCase();
      const missing = askedProcessVerbs(normalizedQuestion).find((i) => !PROCESS_VERBS[i]!.answered.test(lower));
      if (missing !== undefined) {
        const label = PROCESS_VERBS[missing]!.label;
        return facet === 'method' ? `asks how it is ${label}; the answer does not say` : `asks whether it is ${label}; the answer does not say`;
      }
    }
  }
  return undefined;
}

const CUSTOMER = '(?:customers?|clients?|tenants?|institutions?|end users?|customer (?:users?|admins?|administrators?))';
const CUSTOMER_ACTION = '(?:perform|run|conduct|test|scan|configure|set|define|choose|select|restrict|enforce|manage|change|use|bring|audit)';
/** The customer acts: "can customers run scans", "do you allow the institution to perform its own testing". */
const CUSTOMER_DOES = new RegExp(
  `\\b(?:can|may|do|does|are) (?:the )?${CUSTOMER} (?:be able to )?${CUSTOMER_ACTION}\\b|\\b(?:allow|let|enable|permit)s? (?:the )?${CUSTOMER} to ${CUSTOMER_ACTION}\\b|\\b${CUSTOMER} (?:can|may|are able to) ${CUSTOMER_ACTION}\\b`,
);
/** The customer receives: "provide customers with", "available to tenants", "are customers notified". */
const CUSTOMER_GETS = new RegExp(
  `\\b(?:provide|give|share|send|notify|inform)s? (?:the )?${CUSTOMER}\\b|\\b(?:available|provided|shared|given|sent) to (?:the )?${CUSTOMER}\\b|\\b(?:are|is) (?:the )?${CUSTOMER} (?:notified|informed)\\b|\\ballow (?:the )?${CUSTOMER} to (?:view|see|review|obtain|receive|download)\\b`,
);
/** The product's own features: "does the application enforce", "customer accounts", "for end users". */
const PRODUCT =
  /\b(?:the|your) (?:application|app|product|platform|solution|software) (?:support|enforce|provide|offer|allow|automatically|log|sign|lock|require|have)s?\b|\b(?:customer|institution|tenant) (?:users?|accounts?|admins?|administrators?)\b|\bfor (?:its |their )?end users\b|\btheir (?:own )?users\b/;
const WORKFORCE = /\b(?:employees?|staff|workforce|personnel|workstations?|laptops?|company (?:devices|laptops)|contractors?)\b/;

/** Whose side a normalised question is on. */
export function questionScope(normalizedQuestion: string): Scope {
  if (CUSTOMER_DOES.test(normalizedQuestion)) return 'customer-does';
  if (CUSTOMER_GETS.test(normalizedQuestion)) return 'customer-gets';
  if (PRODUCT.test(normalizedQuestion)) return 'product';
  if (WORKFORCE.test(normalizedQuestion)) return 'workforce';
  return 'none';
}

/** The customer acts in the entry ("customers can enforce", "admins can export", "the region chosen at signup"). */
const ENTRY_CUSTOMER_ACTS = /\b(?:customers?|clients?|tenants?|admins?|administrators?|users?) (?:can|may|are able to)\b|\bchosen\b|\bcustomer[- ]managed\b|\bself[- ]service\b/i;
/**
 * The customer receives something in the entry: shared with or provided to customers, customers receive or can
 * request, available, under NDA. A mere mention ("customer approval", "customer data") is not receiving.
 */
const ENTRY_CUSTOMER_GETS =
  /\b(?:to|with|for) (?:our |the |each |every )?(?:customers?|tenants?|clients?)\b(?! data)|\b(?:customers?|tenants?|clients?) (?:receive|get|can|may|are (?:given|notified|informed|sent|provided)|have access)\b|\bnotify (?:the |affected )?(?:customers?|tenants?|clients?)\b|\bavailable\b|\bunder nda\b|\bon request\b|\bpublished\b|\btrust (?:page|center)\b/i;
/** The entry is about our workforce: its wording or answer names staff, laptops, workforce sign-in. */
const ENTRY_WORKFORCE = /\b(?:employees?|staff|workforce|personnel|laptops?|workstations?|contractors?|leavers|remote work)\b/i;

/**
 * Why an entry is on the other side from the question, as words for the why line, or undefined. `abstain` is
 * set when the entry cannot answer it at all (the question asks what the customer can do; the entry only says
 * what we do).
 */
export function scopeMismatch(scope: Scope, entryText: string): { note: string; abstain: boolean } | undefined {
  if (scope === 'customer-does' && !ENTRY_CUSTOMER_ACTS.test(entryText)) {
    return { note: 'asks what the customer can do; the entry is about what we do', abstain: true };
  }
  if (scope === 'customer-gets' && !ENTRY_CUSTOMER_GETS.test(entryText)) {
    return { note: 'asks what the customer gets; the entry does not say it is shared', abstain: true };
  }
  if (scope === 'product' && ENTRY_WORKFORCE.test(entryText) && !ENTRY_CUSTOMER_ACTS.test(entryText)) {
    return { note: 'asks about the product; the entry is about our workforce', abstain: true };
  }
  if (scope === 'workforce' && ENTRY_CUSTOMER_ACTS.test(entryText) && !ENTRY_WORKFORCE.test(entryText)) {
    return { note: 'asks about our workforce; the entry is about the product', abstain: false };
  }
  return undefined;
}
