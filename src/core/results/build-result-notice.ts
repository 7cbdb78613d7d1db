/**
 * "Your result is ready" (ADR 0012): while the patient's 24-hour window is open, a message with
 * View / Later buttons; outside it, the clinic's approved `result_ready` template (body: name,
 * clinic; quick replies with the same payloads). The notice holds no result content. Pure.
 */
import type { ClinicConfig, Language } from '../clinic/clinic-config.ts';
import { translate } from '../locales/translate.ts';
import type { OutboundReply } from '../messages.ts';
import { resultsText } from './results-texts.ts';

/** Template purpose in the clinic configuration (`templates.result_ready`). */
export const resultNoticePurpose = 'result_ready';

/** Payloads of the notice's buttons (the chat flow handles them). */
export const resultChoice = { view: 'res:view', later: 'res:later' } as const;

export type ResultNotice = { ok: true; reply: OutboundReply; as: 'session' | 'template' } | { ok: false; reason: 'no_template' };

export function buildResultNotice(config: ClinicConfig, patient: { language: Language | undefined; firstName: string | undefined }, windowOpen: boolean): ResultNotice {
  const lang = patient.language !== undefined && config.languages.supported.includes(patient.language) ? patient.language : config.languages.default;
  if (windowOpen) {
    return {
      ok: true,
      as: 'session',
      reply: {
        kind: 'choices',
        text: resultsText(lang, 'readyNotice', { clinic: config.clinic.name }),
        choices: [
          { id: resultChoice.view, title: resultsText(lang, 'viewButton') },
          { id: resultChoice.later, title: resultsText(lang, 'laterButton') },
        ],
      },
    };
  }
  const template = config.templates[resultNoticePurpose];
  const code = template?.languages[lang] ?? template?.languages[config.languages.default];
  if (template === undefined || code === undefined) return { ok: false, reason: 'no_template' };
  // The greeting's fallback word in the language of the template actually used.
  const templateLang = template.languages[lang] !== undefined ? lang : config.languages.default;
  const name = param(patient.firstName ?? translate(templateLang, 'reminderNameFallback'));
  return {
    ok: true,
    as: 'template',
    reply: { kind: 'template', name: template.name, language: code, bodyParams: [name, param(config.clinic.name)], quickReplyPayloads: [resultChoice.view, resultChoice.later] },
  };
}

/** Template values may not hold newlines, tabs or long runs of spaces (Meta refuses them). */
function param(value: string): string {
  const clean = value.replace(/[\n\r\t]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  return clean === '' ? '-' : clean.slice(0, 200);
}
