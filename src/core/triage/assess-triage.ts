/**
 * The triage engine: a patient's description (and answers to follow-up questions) in, a level
 * of care out, with the findings and rules behind it, a suggested department and the
 * follow-up questions whose answer could still change the level. Pure and deterministic; the
 * clinical content is the data in triage-rules.ts. It never names a diagnosis.
 *
 * Order: the emergency red-flag net first (any red flag → emergency); then presentations and
 * findings read from the words (every supported language; a negated term does not count:
 * "no fever", "sin fiebre", "kein Fieber"), plus age, duration and temperature, plus the
 * answers; then the level is the most urgent of the presentations' start levels and every
 * matching rule. Nothing recognised → `routine` (a clinician should look), never `self_care`.
 */
import { type Language, supportedLanguages } from '../clinic/clinic-config.ts';
import { compileTerm, compileTermSource } from '../safety/compile-term.ts';
import { normalizeText } from '../safety/normalize-text.ts';
import { redFlagLanguageContexts } from '../safety/red-flag-language-contexts.ts';
import { screenRedFlags } from '../safety/screen-red-flags.ts';
import { readAgeYears, readDurationDays, readTemperatureC } from './read-context.ts';
import { findings as findingDefs, presentations as presentationDefs, questionConditions, questions as questionDefs, rules, triageRulesVersion } from './triage-rules.ts';
import { moreUrgent, type Presentation, type Question, type Terms, type TriageLevel, type TriageRule } from './triage-types.ts';

export interface TriageInput {
  /** The patient's own words (one message, or several joined by line breaks). */
  text: string;
  /** The conversation language: only used to order the languages tried (all are tried). */
  lang?: Language;
  /** Answers to follow-up questions: question id → option id. */
  answers?: Readonly<Record<string, string>>;
  /** Presentations chosen from a list (when the words named none). */
  presentations?: readonly string[];
  /** Known facts, e.g. from the patient record or a staff tool. */
  ageYears?: number;
  sex?: 'female' | 'male';
  pregnant?: boolean;
  /** The clinic's department ids (clinic config), to suggest one of them. */
  departments?: readonly string[];
}

export interface TriageAssessment {
  level: TriageLevel;
  /** Ids of the emergency red-flag rules that fired (src/core/safety). */
  redFlags: string[];
  /** Presentation ids described, in rule-file order. */
  presentations: string[];
  /** Finding ids present (from words, answers and derived), sorted. */
  findings: string[];
  /** Ids of the triage rules that matched, in rule-file order. */
  rules: string[];
  /** A clinic department id when one fits, else a generic suggestion ("emergency", "general"). */
  department: string;
  /** Whether `department` is one of the clinic's departments. */
  departmentConfigured: boolean;
  /** Follow-up questions, in asking order, whose answer could change the level. */
  questions: string[];
  /** A mental-health presentation: point to the clinic's counselling service. */
  counselling: boolean;
  /** False when neither a presentation nor a rule was recognised (level is then `routine`). */
  recognised: boolean;
  rulesVersion: string;
}

interface CompiledTerms {
  id: string;
  /** Every term as one expression: a cheap first test. */
  any: RegExp | undefined;
  terms: ReadonlyArray<[Language, RegExp]>;
  /** Phrases (any language) inside which the terms do not count. */
  not: readonly RegExp[];
}

function compileTerms(id: string, terms: Terms | undefined, not: Terms | undefined): CompiledTerms {
  const out: Array<[Language, RegExp]> = [];
  const sources: string[] = [];
  for (const lang of supportedLanguages) {
    for (const term of terms?.[lang] ?? []) {
      out.push([lang, compileTerm(term)]);
      sources.push(compileTermSource(term));
    }
  }
  return { id, any: sources.length === 0 ? undefined : new RegExp(sources.join('|')), terms: out, not: supportedLanguages.flatMap((lang) => not?.[lang] ?? []).map(compileTerm) };
}

const compiledPresentations = presentationDefs.map((p) => compileTerms(p.id, p.terms, p.not));
const compiledFindings = findingDefs.filter((f) => f.terms !== undefined).map((f) => compileTerms(f.id, f.terms, f.not));
const negationCues = Object.fromEntries(
  supportedLanguages.map((lang) => {
    const c = redFlagLanguageContexts[lang];
    const alternatives = (terms: readonly string[]) => terms.map(compileTermSource).join('|');
    return [lang, { cue: new RegExp(`(?:${alternatives(c.negations)})(?: (?:${alternatives(c.negationFillers)})){0,3} $`), pseudo: c.pseudoNegations.map(compileTerm) }];
  }),
) as Record<Language, { cue: RegExp; pseudo: RegExp[] }>;

const presentationById = new Map(presentationDefs.map((p) => [p.id, p]));
const questionById = new Map(questionDefs.map((q) => [q.id, q]));

function isNegated(text: string, lang: Language, start: number): boolean {
  const { cue, pseudo } = negationCues[lang];
  const before = text.slice(0, start);
  const m = cue.exec(before);
  if (m === null) return false;
  return !pseudo.some((p) => {
    p.lastIndex = 0;
    for (let x = p.exec(text); x !== null; x = p.exec(text)) {
      if (x.index <= m.index && m.index < x.index + x[0].length) return true;
      p.lastIndex = x.index + 1;
    }
    return false;
  });
}

function spans(text: string, expressions: readonly RegExp[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const re of expressions) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      out.push([m.index, m.index + m[0].length]);
      re.lastIndex = m.index + 1;
    }
  }
  return out;
}

/** Whether any term matches somewhere it is neither negated nor overlapping an excluded phrase. */
function matches(text: string, compiled: CompiledTerms): boolean {
  if (compiled.any === undefined || !compiled.any.test(text)) return false;
  const excluded = compiled.not.length === 0 ? [] : spans(text, compiled.not);
  for (const [lang, re] of compiled.terms) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (!excluded.some(([s, e]) => s < end && start < e) && !isNegated(text, lang, start)) return true;
      re.lastIndex = m.index + 1;
    }
  }
  return false;
}

/** What the words, the answers and the known facts establish. */
interface Reading {
  presentations: Set<string>;
  findings: Set<string>;
}

function read(input: TriageInput): Reading {
  const text = normalizeText(input.text);
  const presentations = new Set<string>();
  const found = new Set<string>();
  if (text !== '') {
    for (const p of compiledPresentations) if (matches(text, p)) presentations.add(p.id);
    for (const f of compiledFindings) if (matches(text, f)) found.add(f.id);
  }
  for (const id of input.presentations ?? []) if (presentationById.has(id)) presentations.add(id);
  const age = input.ageYears ?? (text === '' ? undefined : readAgeYears(text));
  if (age !== undefined) addAge(found, age);
  const days = text === '' ? undefined : readDurationDays(text);
  if (days !== undefined) {
    found.add('duration_stated');
    if (days >= 3) found.add('duration_over_2d');
    if (days >= 5) found.add('duration_over_5d');
    if (days >= 7) found.add('duration_over_1w');
    if (days >= 21) found.add('duration_over_3w');
  }
  const temperature = text === '' ? undefined : readTemperatureC(text);
  if (temperature !== undefined && temperature >= 38) {
    presentations.add('fever');
    if (temperature >= 39) found.add('fever_high');
    if (temperature >= 40) found.add('fever_very_high');
  }
  if (input.sex !== undefined) found.add(input.sex);
  if (input.pregnant === true) found.add('pregnant');
  for (const [questionId, optionId] of Object.entries(input.answers ?? {})) {
    const option = questionById.get(questionId)?.options.find((o) => o.id === optionId);
    for (const f of option?.findings ?? []) found.add(f);
  }
  if (found.has('pregnant')) found.add('female');
  if (found.has('age_baby') && !found.has('adult')) found.add('child');
  // A presentation is also a finding ("fever" in a rule means the patient described a fever).
  for (const p of presentations) found.add(p);
  return { presentations, findings: found };
}

function addAge(found: Set<string>, years: number): void {
  if (years < 0.25) found.add('age_under_3m');
  if (years < 1) found.add('age_under_1');
  if (years < 5) found.add('age_under_5');
  if (years < 16) found.add('child');
  else found.add('adult');
  if (years >= 65) found.add('age_over_65');
}

function ruleMatches(rule: TriageRule, reading: Reading): boolean {
  if (rule.presentations !== undefined && !rule.presentations.some((p) => reading.presentations.has(p))) return false;
  if (rule.all !== undefined && !rule.all.every((f) => reading.findings.has(f))) return false;
  if (rule.any !== undefined && !rule.any.some((f) => reading.findings.has(f))) return false;
  return true;
}

interface Outcome {
  level: TriageLevel | undefined;
  rules: TriageRule[];
}

function decide(reading: Reading): Outcome {
  let level: TriageLevel | undefined;
  for (const id of reading.presentations) {
    const p = presentationById.get(id);
    if (p !== undefined) level = level === undefined ? p.startLevel : moreUrgent(level, p.startLevel);
  }
  const matched = rules.filter((r) => ruleMatches(r, reading));
  for (const r of matched) level = level === undefined ? r.level : moreUrgent(level, r.level);
  return { level, rules: matched };
}

function levelWith(reading: Reading, extra: readonly string[]): TriageLevel | undefined {
  return decide({ presentations: reading.presentations, findings: new Set([...reading.findings, ...extra]) }).level;
}

/** The follow-up questions that may still change the level, in the presentations' order. */
function usefulQuestions(reading: Reading, answers: Readonly<Record<string, string>>, current: TriageLevel | undefined): string[] {
  const out: string[] = [];
  const candidates = presentationDefs.filter((p) => reading.presentations.has(p.id)).flatMap((p) => p.questions);
  for (const id of new Set(candidates)) {
    if (answers[id] !== undefined) continue;
    const question = questionById.get(id);
    if (question === undefined || !mayAsk(question, reading)) continue;
    if (question.options.some((o) => levelWith(reading, o.findings) !== current)) out.push(id);
  }
  return out;
}

function mayAsk(question: Question, reading: Reading): boolean {
  const conditions = questionConditions[question.id];
  if (conditions?.askIf !== undefined && !conditions.askIf.some((f) => reading.findings.has(f))) return false;
  if (conditions?.skipIf !== undefined && conditions.skipIf.some((f) => reading.findings.has(f))) return false;
  // Already answered by the words: a finding of one of its answers is present.
  return !question.options.some((o) => o.findings.length > 0 && o.findings.every((f) => reading.findings.has(f)));
}

const paediatric = ['paediatrics', 'pediatrics', 'paediatric', 'pediatric', 'children'];

function suggestDepartment(reading: Reading, outcome: Outcome, level: TriageLevel, clinic: readonly string[]): { department: string; configured: boolean } {
  if (level === 'emergency') return { department: 'emergency', configured: clinic.includes('emergency') };
  // The presentation that set the level (its own start level or a rule naming it), else the first.
  const described = presentationDefs.filter((p) => reading.presentations.has(p.id));
  const setting =
    described.find((p) => p.startLevel === level) ??
    described.find((p) => outcome.rules.some((r) => r.level === level && (r.presentations ?? []).includes(p.id))) ??
    described[0];
  const child = reading.findings.has('child') && !reading.findings.has('adult');
  const candidates = [...(child ? paediatric : []), ...(setting?.departments ?? []), 'general'];
  const inClinic = candidates.find((d) => clinic.includes(d));
  return inClinic === undefined ? { department: candidates[0] ?? 'general', configured: false } : { department: inClinic, configured: true };
}

export function assessTriage(input: TriageInput): TriageAssessment {
  const answers = input.answers ?? {};
  const redFlags = input.text.trim() === '' ? [] : screenRedFlags(input.text, input.lang).redFlags;
  const reading = read(input);
  const outcome = decide(reading);
  const recognised = outcome.level !== undefined;
  const level: TriageLevel = redFlags.length > 0 ? 'emergency' : (outcome.level ?? 'routine');
  const { department, configured } = suggestDepartment(reading, outcome, level, input.departments ?? []);
  const described = presentationDefs.filter((p) => reading.presentations.has(p.id));
  return {
    level,
    redFlags,
    presentations: described.map((p) => p.id),
    findings: [...reading.findings].filter((f) => !reading.presentations.has(f)).sort(),
    rules: outcome.rules.map((r) => r.id),
    department,
    departmentConfigured: configured,
    questions: level === 'emergency' ? [] : usefulQuestions(reading, answers, outcome.level),
    counselling: described.some((p: Presentation) => p.counselling === true),
    recognised: recognised || redFlags.length > 0,
    rulesVersion: triageRulesVersion,
  };
}

