/**
 * The emergency safety net: screens one patient message for red flags (red-flag-rules.ts).
 * Pure and fast: every rule is compiled once, when this module loads.
 *
 * Every message is screened in every supported language, whatever `lang` says: the
 * conversation language is a guess before the patient chooses one (the clinic default),
 * patients switch language, and a miss is far worse than a false alarm. `lang` only makes
 * that language's rules run first. For the same reason history ("two years ago") and
 * exclusions ("food poisoning") are recognised in every language, while negation is read in
 * the language of the rule's term.
 */
import { type Language, supportedLanguages } from '../clinic/clinic-config.ts';
import { compileAnyTerm, compileTerm, compileTermSource } from './compile-term.ts';
import { normalizeText } from './normalize-text.ts';
import { type RedFlagLanguageContext, redFlagLanguageContexts } from './red-flag-language-contexts.ts';
import { type RedFlagPattern, type RedFlagRule, redFlagRules } from './red-flag-rules.ts';

export interface RedFlagScreening {
  /** `emergency` when at least one rule fired; `unknown` otherwise (not "safe": see docs/clinical-safety.md). */
  level: 'emergency' | 'unknown';
  /** Ids of the rules that fired, in the order of redFlagRules. */
  redFlags: string[];
}

export function screenRedFlags(text: string, lang?: Language): RedFlagScreening {
  const normalized = normalizeText(text);
  const redFlags: string[] = [];
  if (normalized !== '') {
    const order = lang === undefined ? supportedLanguages : [lang, ...supportedLanguages.filter((l) => l !== lang)];
    const message = new MessageContext(normalized);
    for (const rule of compiledRules) {
      if (order.some((l) => ruleFires(rule, l, message))) redFlags.push(rule.id);
    }
  }
  return { level: redFlags.length > 0 ? 'emergency' : 'unknown', redFlags };
}

type Span = readonly [start: number, end: number];

interface CompiledGroup {
  /** All terms of the group as one expression: a cheap first test. */
  any: RegExp;
  terms: readonly RegExp[];
}

interface CompiledRule {
  id: string;
  flagPastMentions: boolean;
  patterns: Readonly<Record<Language, readonly (readonly CompiledGroup[])[]>>;
  /** The rule's exclusions in every language: the message's language is not known. */
  exclusions: readonly RegExp[];
}

interface CompiledNegation {
  /** A cue, then up to three filler words, then the term (the text before a term ends with a space). */
  cue: RegExp;
  pseudoNegations: readonly RegExp[];
}

function compileGroup(terms: readonly string[]): CompiledGroup {
  return { any: compileAnyTerm(terms), terms: terms.map(compileTerm) };
}

function compilePattern(pattern: RedFlagPattern): CompiledGroup[] {
  return 'anyOf' in pattern ? [compileGroup(pattern.anyOf)] : pattern.allOf.map(compileGroup);
}

function compileRule(rule: RedFlagRule): CompiledRule {
  const patterns = Object.fromEntries(supportedLanguages.map((l) => [l, rule.patterns[l].map(compilePattern)])) as Record<Language, CompiledGroup[][]>;
  const exclusions = supportedLanguages.flatMap((l) => rule.exclusions?.[l] ?? []).map(compileTerm);
  return { id: rule.id, flagPastMentions: rule.flagPastMentions === true, patterns, exclusions };
}

function compileNegation(context: RedFlagLanguageContext): CompiledNegation {
  const alternatives = (terms: readonly string[]) => terms.map(compileTermSource).join('|');
  return {
    cue: new RegExp(`(${alternatives(context.negations)})(?: (?:${alternatives(context.negationFillers)})){0,3} $`, 'd'),
    pseudoNegations: context.pseudoNegations.map(compileTerm),
  };
}

const contexts = supportedLanguages.map((l) => redFlagLanguageContexts[l]);
const compiledRules: readonly CompiledRule[] = redFlagRules.map(compileRule);
/**
 * Negation is read in the rule's own language only: a cue in one language can be an ordinary
 * word in another (Portuguese "no" means "in the": "dor no peito").
 */
const negations = Object.fromEntries(supportedLanguages.map((l) => [l, compileNegation(redFlagLanguageContexts[l])])) as Record<Language, CompiledNegation>;
/** History and exclusions apply in every language: more cues here only mean fewer false alarms. */
const clauseBreaks: ReadonlySet<string> = new Set(contexts.flatMap((c) => c.clauseBreaks));
const pastTimes = compileAnyTerm(contexts.flatMap((c) => c.pastTimes));
const presentTimes = compileAnyTerm(contexts.flatMap((c) => c.presentTimes));
const phraseExclusions = contexts.flatMap((c) => c.exclusions).map(compileTerm);
for (const word of clauseBreaks) {
  if (!/^[a-z]+$/.test(word)) throw new Error(`clause break "${word}" must be one lowercase word`);
}

function ruleFires(rule: CompiledRule, lang: Language, message: MessageContext): boolean {
  for (const groups of rule.patterns[lang]) {
    if (!groups.every((g) => g.any.test(message.text))) continue;
    const counts = (start: number, end: number) =>
      !contains(message.ruleMasks(rule), start, end) &&
      !contains(message.phraseMasks(), start, end) &&
      (rule.flagPastMentions || !contains(message.historyMasks(), start, end)) &&
      !message.isNegated(lang, start);
    if (groups.every((g) => g.terms.some((term) => hasCountingMatch(term, message.text, counts)))) return true;
  }
  return false;
}

function hasCountingMatch(term: RegExp, text: string, counts: (start: number, end: number) => boolean): boolean {
  term.lastIndex = 0;
  for (let m = term.exec(text); m !== null; m = term.exec(text)) {
    if (counts(m.index, m.index + m[0].length)) return true;
    term.lastIndex = m.index + 1;
  }
  return false;
}

/** Every match of every expression, including overlapping ones. */
function spansOf(text: string, expressions: readonly RegExp[]): Span[] {
  const spans: Span[] = [];
  for (const re of expressions) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      spans.push([m.index, m.index + m[0].length]);
      re.lastIndex = m.index + 1;
    }
  }
  return spans;
}

function contains(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some(([s, e]) => s <= start && end <= e);
}

/** One normalized message and what is known about its context, computed on first use. */
class MessageContext {
  readonly text: string;
  #phraseMasks: Span[] | undefined;
  #historyMasks: Span[] | undefined;
  readonly #ruleMasks = new Map<CompiledRule, Span[]>();
  readonly #pseudoSpans = new Map<Language, Span[]>();

  constructor(text: string) {
    this.text = text;
  }

  /** The rule's exclusions ("food poisoning"). */
  ruleMasks(rule: CompiledRule): readonly Span[] {
    let spans = this.#ruleMasks.get(rule);
    if (spans === undefined) {
      spans = spansOf(this.text, rule.exclusions);
      this.#ruleMasks.set(rule, spans);
    }
    return spans;
  }

  /** "history of …", "died of …". */
  phraseMasks(): readonly Span[] {
    this.#phraseMasks ??= spansOf(this.text, phraseExclusions);
    return this.#phraseMasks;
  }

  /** Clauses that speak of a time at least a month back and not of now. */
  historyMasks(): readonly Span[] {
    if (this.#historyMasks === undefined) {
      this.#historyMasks = [];
      for (const [start, end] of this.#clauses()) {
        const clause = this.text.slice(start, end);
        if (pastTimes.test(clause) && !presentTimes.test(clause)) this.#historyMasks.push([start, end]);
      }
    }
    return this.#historyMasks;
  }

  /** Whether a negation cue of `lang` (and at most three filler words) comes right before `start`. */
  isNegated(lang: Language, start: number): boolean {
    if (start === 0) return false;
    const negation = negations[lang];
    const cue = negation.cue.exec(this.text.slice(0, start))?.indices?.[1];
    if (cue === undefined) return false;
    let pseudo = this.#pseudoSpans.get(lang);
    if (pseudo === undefined) {
      pseudo = spansOf(this.text, negation.pseudoNegations);
      this.#pseudoSpans.set(lang, pseudo);
    }
    return !pseudo.some(([s, e]) => s < cue[1] && cue[0] < e);
  }

  #clauses(): Span[] {
    const clauses: Span[] = [];
    let clauseStart = 0;
    let at = 0;
    for (const word of this.text.split(' ')) {
      if (word === '|' || clauseBreaks.has(word)) {
        if (at > clauseStart) clauses.push([clauseStart, at - 1]);
        clauseStart = at + word.length + 1;
      }
      at += word.length + 1;
    }
    if (clauseStart < this.text.length) clauses.push([clauseStart, this.text.length]);
    return clauses;
  }
}
