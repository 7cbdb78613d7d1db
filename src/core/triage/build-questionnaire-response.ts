/**
 * The answers of one triage conversation as a FHIR R4 QuestionnaireResponse (stored encrypted;
 * a FHIR export is a mapping, not a translation). The questionnaire is Hale's triage rule set
 * at a version (`urn:hale:questionnaire:triage|<rulesVersion>`); question texts are English.
 */
import type { Language } from '../clinic/clinic-config.ts';
import type { TriageAssessment } from './assess-triage.ts';
import { triageText, isTriageTextKey } from './triage-texts.ts';

export interface QuestionnaireResponseItem {
  linkId: string;
  text?: string;
  answer: Array<{ valueString: string } | { valueCoding: { system: string; code: string; display?: string } }>;
}

export interface QuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  status: 'completed';
  questionnaire: string;
  authored: string;
  language: Language;
  subject?: { reference: string };
  item: QuestionnaireResponseItem[];
}

const answerSystem = 'urn:hale:triage:answer';

export function buildQuestionnaireResponse(input: {
  text: string;
  answers: Readonly<Record<string, string>>;
  assessment: TriageAssessment;
  lang: Language;
  authored: Date;
}): QuestionnaireResponse {
  const { assessment } = input;
  const coding = (system: string, code: string, display?: string) => ({ valueCoding: { system, code, ...(display === undefined ? {} : { display }) } });
  const item: QuestionnaireResponseItem[] = [];
  if (input.text.trim() !== '') item.push({ linkId: 'description', text: 'The problem in the patient’s words', answer: [{ valueString: input.text }] });
  for (const [question, option] of Object.entries(input.answers)) {
    const label = isTriageTextKey(`o_${question}_${option}`) ? `o_${question}_${option}` : option === 'yes' ? 'yes' : option === 'no' ? 'no' : undefined;
    item.push({
      linkId: question,
      ...(isTriageTextKey(question) ? { text: triageText('en', question) } : {}),
      answer: [coding(answerSystem, option, label === undefined || !isTriageTextKey(label) ? undefined : triageText('en', label))],
    });
  }
  if (assessment.presentations.length > 0) item.push({ linkId: 'presentations', text: 'Presentations recognised', answer: assessment.presentations.map((p) => coding('urn:hale:triage:presentation', p)) });
  if (assessment.redFlags.length > 0) item.push({ linkId: 'red-flags', text: 'Emergency red flags', answer: assessment.redFlags.map((r) => coding('urn:hale:safety:red-flag', r)) });
  if (assessment.rules.length > 0) item.push({ linkId: 'rules', text: 'Triage rules matched', answer: assessment.rules.map((r) => coding('urn:hale:triage:rule', r)) });
  item.push({ linkId: 'level', text: 'Level of care', answer: [coding('urn:hale:triage:level', assessment.level)] });
  item.push({ linkId: 'department', text: 'Suggested department', answer: [{ valueString: assessment.department }] });
  return {
    resourceType: 'QuestionnaireResponse',
    status: 'completed',
    questionnaire: `urn:hale:questionnaire:triage|${assessment.rulesVersion}`,
    authored: input.authored.toISOString(),
    language: input.lang,
    item,
  };
}
