/**
 * Patient text of the care flows in every language (./locales; English is the reference), and
 * the keyword matching that reads a refill request or a document's caption in any of them.
 */
import type { Language } from '../clinic/clinic-config.ts';
import { normalizeForMatch } from '../locales/translate.ts';
import { de } from './locales/de.ts';
import { en, type CareTextKey } from './locales/en.ts';
import { es } from './locales/es.ts';
import { fr } from './locales/fr.ts';
import { pt } from './locales/pt.ts';

export const careTexts: Readonly<Record<Language, Readonly<Record<CareTextKey, string>>>> = { en, de, es, fr, pt };

export type { CareTextKey };

/** Text `key` in `lang` with {placeholders} filled. */
export function careText(lang: Language, key: CareTextKey, params: Record<string, string> = {}): string {
  return careTexts[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

export const documentCategories = ['insurance_card', 'referral', 'report', 'other'] as const;
export type DocumentCategory = (typeof documentCategories)[number];

type WordListKey = 'refillStrongWords' | 'refillWeakWords' | 'medicineWords' | 'insuranceWords' | 'referralWords' | 'reportWords';

const phraseCache = new Map<WordListKey, string[]>();

/** The phrases of a keyword list in every language, normalized. */
function phrases(key: WordListKey): string[] {
  let list = phraseCache.get(key);
  if (list === undefined) {
    list = [...new Set(Object.values(careTexts).flatMap((texts) => texts[key].split('|').map(normalizeForMatch).filter((p) => p !== '')))];
    phraseCache.set(key, list);
  }
  return list;
}

/** Whether the text contains one of the list's phrases as whole words (any language). */
export function mentions(text: string, key: WordListKey): boolean {
  const padded = ` ${normalizeForMatch(text)} `;
  return phrases(key).some((phrase) => padded.includes(` ${phrase} `));
}

/** Drug name endings common across European languages (metformin/a/e, ramipril, atorvastatina…). */
const DRUG_NAME = /\b\p{L}+(formin|pril|sartan|statin|olol|azole|prazol|dipine|oxetine|tidine|gliptin|glutide|thyrox|cillin|mycin|semide|thiazide|parin|xaban|gatran|lukast|terol|sonide|insulin)\p{L}{0,2}\b/u;

/**
 * A patient asking for more of a medicine in free text: "I need a refill", "Folgerezept bitte",
 * or a weaker phrase ("I need more…", "se me acaban…") together with a medicine word or a drug
 * name ("I need more metformin").
 */
export function isRefillRequest(text: string): boolean {
  if (mentions(text, 'refillStrongWords')) return true;
  if (!mentions(text, 'refillWeakWords')) return false;
  return mentions(text, 'medicineWords') || DRUG_NAME.test(normalizeForMatch(text));
}

/** A document's category from the patient's caption ("my insurance card", "Überweisung"), if it names one. */
export function classifyDocument(caption: string | undefined): DocumentCategory | undefined {
  if (caption === undefined || caption.trim() === '') return undefined;
  if (mentions(caption, 'insuranceWords')) return 'insurance_card';
  if (mentions(caption, 'referralWords')) return 'referral';
  if (mentions(caption, 'reportWords')) return 'report';
  return undefined;
}
