/**
 * The triage conversation's patient text in every language (./locales; English is the
 * reference). Kept beside the rules so clinicians review questions and advice together.
 */
import type { Language } from '../clinic/clinic-config.ts';
import { de } from './locales/de.ts';
import { en, type TriageTextKey } from './locales/en.ts';
import { es } from './locales/es.ts';
import { fr } from './locales/fr.ts';
import { pt } from './locales/pt.ts';

export const triageTexts: Readonly<Record<Language, Readonly<Record<TriageTextKey, string>>>> = { en, de, es, fr, pt };

/** Text `key` in `lang` with {placeholders} filled. */
export function triageText(lang: Language, key: TriageTextKey, params: Record<string, string> = {}): string {
  return triageTexts[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** Whether a locale key exists (question and answer keys are built from rule ids). */
export function isTriageTextKey(key: string): key is TriageTextKey {
  return Object.hasOwn(en, key);
}
