/**
 * The vocabulary of the triage rules (triage-rules.ts). Everything here is a shape; the
 * clinical content is the data in triage-rules.ts, documented in docs/clinical-safety.md.
 */
import type { Language } from '../clinic/clinic-config.ts';

/** From most to least urgent. */
export const triageLevels = ['emergency', 'urgent', 'routine', 'self_care'] as const;
export type TriageLevel = (typeof triageLevels)[number];

/** Higher is more urgent: emergency 3 … self_care 0. */
export function levelRank(level: TriageLevel): number {
  return triageLevels.length - 1 - triageLevels.indexOf(level);
}

export function moreUrgent(a: TriageLevel, b: TriageLevel): TriageLevel {
  return levelRank(a) >= levelRank(b) ? a : b;
}

/**
 * Terms per language, in the pattern syntax of src/core/safety/compile-term.ts (lowercase,
 * no accents; `word*` any ending; `(a|b|)` alternatives; `..` up to three words between).
 * A term preceded by a negation of its language ("no fever", "sin fiebre", "kein Fieber")
 * does not count.
 */
export type Terms = Readonly<Partial<Record<Language, readonly string[]>>>;

/** What the patient describes: one presentation is one row of the clinician's table. */
export interface Presentation {
  readonly id: string;
  /** For reviewers and staff summaries, English. */
  readonly title: string;
  /** Words that name this presentation. */
  readonly terms: Terms;
  /** Phrases a match must not overlap ("hay fever" is not a fever). */
  readonly not?: Terms;
  /** The level when the presentation is recognised and no rule says more. */
  readonly startLevel: TriageLevel;
  /**
   * Department ids to suggest, best first; the first one the clinic configured wins
   * (children: `paediatrics` first, when the clinic has it). Otherwise the first one is
   * reported as a generic suggestion.
   */
  readonly departments: readonly string[];
  /** Follow-up questions in the order they are asked (only those that can change the level). */
  readonly questions: readonly string[];
  /** Mental-health presentations: the answer names the clinic's counselling service. */
  readonly counselling?: boolean;
  /** Why the start level, and where it comes from. */
  readonly source: string;
}

/** A fact the rules use: from the text (terms), from an answer, or derived (age, duration). */
export interface Finding {
  readonly id: string;
  readonly title: string;
  /** Words that establish the finding. Findings without terms come from answers or are derived. */
  readonly terms?: Terms;
  /** Phrases a match must not overlap. */
  readonly not?: Terms;
}

export interface QuestionOption {
  /** Stable id; the patient-facing label is the locale key `option.<question>.<id>`. */
  readonly id: string;
  /** Findings the answer establishes (none: the answer rules something out). */
  readonly findings: readonly string[];
}

/** A follow-up question (text: locale key `question.<id>`). At most three options (reply buttons). */
export interface Question {
  readonly id: string;
  readonly options: readonly QuestionOption[];
}

/**
 * A rule raises the level to `level` when it matches: one of its presentations was described
 * (or it names none), every finding of `all` is present, and at least one of `any` (if given).
 * The result is the most urgent of the presentations' start levels and every matching rule.
 */
export interface TriageRule {
  readonly id: string;
  readonly level: TriageLevel;
  readonly presentations?: readonly string[];
  readonly all?: readonly string[];
  readonly any?: readonly string[];
  readonly title: string;
  readonly source: string;
}
