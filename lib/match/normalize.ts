// Question text normalisation: the canonical form used as the learned-alias key, and the
// tokenizer (stop words, light stemming) that turns text into index terms.

const HTML_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '-',
  mdash: '-',
  rsquo: "'",
  lsquo: "'",
  rdquo: '"',
  ldquo: '"',
  hellip: '...',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : ' ';
    }
    return HTML_ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** Leading question numbers and control ids: `3.2.1`, `Q14.`, `APPL-01`, `A&A-02.1`, `ID.AM-1` (NIST CSF), `a)`, `(iv)`, `#12`. */
const NUMBERING_PREFIX =
  /^\s*(?:(?:q(?:uestion)?\s*)?#?\d+(?:[.\-]\d+)*[.):\-]?|[a-z]{1,5}(?:[&.][a-z]{1,4})?[-_.]\d+(?:[.\-]\d+)*[.):\-]?|\(?[a-z]\)|\(?(?:i{1,3}|iv|v|vi{1,3}|ix|x)[.)]|\([a-z0-9]{1,3}\)|[a-z][.)](?=\s))\s+/i;

/** Trailing answer hints and instructions that say nothing about the topic. */
const TRAILING_HINTS = [
  /\s*[([]\s*(?:yes|no|y|n|n\/?a|true|false|not applicable)(?:\s*[/|,]\s*(?:yes|no|y|n|n\/?a|true|false|not applicable))+\s*[)\]]\s*[.:]?$/i,
  /(?:[.;:,)]\s*|\s+(?=(?:please|if)\b))(?:if (?:yes|no|so|not|applicable)\b[,:]?\s*)?(?:please\s+)?(?:explain|describe|elaborate|specify|provide|list|attach|include|give|upload|comment)\b[^?]*$/i,
  /(?:[.;:,)]\s*|\s+)if (?:yes|no|so|not|applicable)\b[^?]*$/i,
];

function cleanText(text: string): string {
  return decodeEntities(text.replace(/<[^>]*>/g, ' '))
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\t\r\n]+/g, ' ')
    .trim();
}

const CYBERSECURITY = /\bcyber ?security\b/g;

function foldText(s: string): string {
  const lower = s.toLowerCase().replace(/'s\b/g, '');
  // Most library text is ASCII; the Unicode-aware pattern is only needed for the rest.
  const folded = /^[\x00-\x7f]*$/.test(lower) ? lower.replace(/[^a-z0-9]+/g, ' ') : lower.replace(/[^\p{L}\p{N}]+/gu, ' ');
  // "Cybersecurity" is security ("cybersecurity roles", "cybersecurity events"); "cyber insurance" stays.
  return folded.replace(CYBERSECURITY, 'security').trim();
}

/** Any text (answers, tags) in canonical form: no HTML, lower case, letters and digits separated by single spaces. */
export function normalizeText(text: string): string {
  return foldText(cleanText(text));
}

const HINT_WORD = /\b(?:yes|no|y|n|n\/?a|true|false|applicable|please|if|explain|describe|elaborate|specify|provide|list|attach|include|give|upload|comment)\b/i;

/**
 * The canonical form of a question: like `normalizeText`, and without numbering or trailing answer hints.
 * Learned aliases are keyed on it.
 */
export function normalizeQuestion(text: string): string {
  let s = cleanText(text);
  // A sentence may carry several prefixes ("Q3. a) ..."); strip until none is left.
  for (let i = 0; i < 3; i++) {
    const next = s.replace(NUMBERING_PREFIX, '');
    if (next === s || next.trim().length === 0) break;
    s = next;
  }
  const question = s.lastIndexOf('?');
  // Text after the final question mark is an instruction ("Please explain.", "If yes, attach ...").
  if (question > 10 && question < s.length - 1) s = s.slice(0, question + 1);
  // One cheap test decides whether the hint patterns need to run at all (most wordings have no hint).
  for (let pass = 0; pass < 2 && HINT_WORD.test(s); pass++) {
    for (const hint of TRAILING_HINTS) {
      const cut = s.replace(hint, '');
      if (cut.trim().length >= 8) s = cut;
    }
  }
  return foldText(s);
}

/** Function words and questionnaire boilerplate that say nothing about the topic. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be been being below between both but by can ' +
    'could did do does doing done during each either etc few for from further had has have having here how however i ' +
    'if in into is it its itself just may me might more most must my no nor not now of off on once only or other ' +
    'otherwise our ours out over own per please same shall should so some such than that the their theirs them then ' +
    'there these they this those through to too under until up upon us very via was we were what when where whether ' +
    'which while who whom why will with within would yes you your yours e g eg ie i.e ' +
    'describe description explain detail details provide list indicate specify state outline confirm elaborate ' +
    'summarise summarize ' +
    'applicable currently current kindly answer question response respond example examples include including ' +
    'company organization organisation vendor firm business entity supplier s ' +
    // CAIQ-style boilerplate: "established, documented, approved, communicated, applied, evaluated, and maintained".
    'established documented approved communicated applied evaluated maintained implemented defined formal formally ' +
    'place use used using make sure ensure ensures ' +
    // The same verbs as imperatives and in other forms: "3.2 Establish and Maintain a Data Inventory" (CIS, NIST).
    'establish establishes establishing maintaining implementing ensured ensuring ' +
    // Modality and existence verbs: "Is X required?", "Do you perform X?", "How often do you X?".
    'require required requires requiring enforce enforced enforces mandatory mandate mandated perform performed ' +
    'performs conduct conducted conducts maintain maintains utilize utilise utilizes employ employed employs follow ' +
    'follows exist exists offer offers support supports supported often frequently frequency routinely ' +
    'appropriate appropriately apply applies applied adequate adequately relevant ' +
    // Regulation boilerplate: SOC 2 "to meet the entity's objectives related to ...", HIPAA "mechanisms", "reasonable
    // and appropriate", PCI DSS "all system components": said of every control, so they say nothing of which one.
    'objective objectives meet meets consistent related accordance mechanism mechanisms reasonable specific ' +
    'component components'
  ).split(' '),
);

/** Words that carry the subject of the question but not its topic ("the vendor", "your company"). */
const SUBJECT_PHRASE =
  /\b(?:the|your) (?:vendor|supplier|company|organization|organisation|firm|service provider|provider|solution|product|platform|offering)\b/g;

const stemCache = new Map<string, string>();

/** A compact Porter-style stemmer: plurals, -ed/-ing, and common derivational endings. */
export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const result = stemUncached(word);
  // Vocabularies are small; the bound only guards against unbounded odd input.
  if (stemCache.size > 100_000) stemCache.clear();
  stemCache.set(word, result);
  return result;
}

/**
 * Words whose derivational ending would make them meet a word of another meaning: "authorities" (who decides, in
 * governance) would stem like "authorization" (access being granted).
 */
const OWN_STEMS: ReadonlyMap<string, string> = new Map([
  ['authority', 'authority'],
  ['authorities', 'authority'],
]);

function stemUncached(word: string): string {
  const own = OWN_STEMS.get(word);
  if (own !== undefined) return own;
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);

  const hasVowel = (s: string) => /[aeiouy]/.test(s);
  for (const suffix of ['ingly', 'edly', 'ing', 'ed']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3 && hasVowel(w.slice(0, -suffix.length))) {
      w = w.slice(0, -suffix.length);
      if (/(at|bl|iz|is)$/.test(w)) w += 'e';
      else if (/([^aeioulsz])\1$/.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  const endings: Array<[string, string]> = [
    ['izations', 'ize'],
    ['isations', 'ize'],
    ['ization', 'ize'],
    ['isation', 'ize'],
    ['ational', 'ate'],
    ['ations', 'ate'],
    ['ation', 'ate'],
    ['iveness', 'ive'],
    ['fulness', 'ful'],
    ['ousness', 'ous'],
    ['ments', ''],
    ['ment', ''],
    ['ness', ''],
    ['ities', ''],
    ['ity', ''],
    ['ically', 'ic'],
    ['ical', 'ic'],
    ['ally', 'al'],
    ['ly', ''],
  ];
  for (const [suffix, replacement] of endings) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  // "certified" and "certify", "classified" and "classify" meet.
  if (w.endsWith('i') && w.length > 4) w = w.slice(0, -1) + 'y';
  if (w.endsWith('ize') || w.endsWith('ise')) w = w.slice(0, -3);
  else if (w.endsWith('iz') || w.endsWith('is')) w = w.length > 5 ? w.slice(0, -2) : w;
  return w;
}

/** The words of an already normalised text, with subject phrases removed (stop words kept for phrase lookup). */
export function wordsOfNormalized(normalized: string): string[] {
  return normalized
    .replace(SUBJECT_PHRASE, ' ')
    .split(' ')
    .filter((w) => w.length > 0);
}

/** The words of a question after normalisation (see `wordsOfNormalized`). */
export function words(text: string): string[] {
  return wordsOfNormalized(normalizeQuestion(text));
}
