import type { Language } from '../clinic/clinic-config.ts';
import { de } from './de.ts';
import { en, type MessageKey, type Messages } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { pt } from './pt.ts';

export const locales: Readonly<Record<Language, Messages>> = { en, de, es, fr, pt };

/** Patient text in `lang`, with {placeholders} filled. */
export function translate(lang: Language, key: MessageKey, params: Record<string, string> = {}): string {
  const template = locales[lang][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** Normalizes patient text for keyword matching: lowercase, no accents, no punctuation or emoji. */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export type KeywordGroup = 'keywordStop' | 'keywordStart' | 'keywordMenu' | 'keywordHelp' | 'keywordAgent' | 'keywordWithdraw' | 'keywordLanguage' | 'yesWords' | 'noWords';

const keywordSets = new Map<KeywordGroup, Set<string>>();

/** Whether the whole message is one of the keywords of `group`, in any supported language. */
export function isKeyword(text: string, group: KeywordGroup): boolean {
  let set = keywordSets.get(group);
  if (set === undefined) {
    set = new Set(Object.values(locales).flatMap((messages) => messages[group].split('|').map(normalizeForMatch)));
    keywordSets.set(group, set);
  }
  return set.has(normalizeForMatch(text));
}
