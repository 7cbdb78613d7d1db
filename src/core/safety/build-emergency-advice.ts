/**
 * The reply sent at once when the safety net fires: the emergency number, up to three
 * what-to-do-now lines (one per category, most urgent rule first), and that the clinic team
 * has been alerted. Patient text lives in ./locales; this file only composes it.
 */
import type { Language } from '../clinic/clinic-config.ts';
import { de } from './locales/de.ts';
import { type EmergencyAdviceKey, en } from './locales/en.ts';
import { es } from './locales/es.ts';
import { fr } from './locales/fr.ts';
import { pt } from './locales/pt.ts';
import { type RedFlagCategory, redFlagRules } from './red-flag-rules.ts';

export const emergencyAdviceLocales: Readonly<Record<Language, Readonly<Record<EmergencyAdviceKey, string>>>> = { en, de, es, fr, pt };

/** The advice line of each red-flag category (tsc proves every category has one). */
export const adviceKeyByCategory: Readonly<Record<RedFlagCategory, EmergencyAdviceKey>> = {
  chest_pain: 'chestPain',
  stroke: 'stroke',
  bleeding: 'bleeding',
  breathing: 'breathing',
  unconscious: 'unconscious',
  seizure: 'seizure',
  allergy: 'allergy',
  self_harm: 'selfHarm',
  poisoning: 'poisoning',
  infant_fever: 'infantFever',
  meningitis: 'meningitis',
  head_injury: 'headInjury',
  burn: 'burn',
  pregnancy: 'pregnancy',
};

/** At most this many what-to-do lines, so the message stays short enough to read in a crisis. */
export const maxAdviceLines = 3;

const categoryByRuleId = new Map(redFlagRules.map((rule) => [rule.id, rule.category]));

/**
 * WhatsApp text (≤ 1,000 characters) for the red flags `redFlags` (rule ids, as returned by
 * screenRedFlags) in `lang`. Unknown ids still get the emergency line.
 */
export function buildEmergencyAdvice(redFlags: readonly string[], lang: Language, emergencyNumber: string): string {
  const text = emergencyAdviceLocales[lang];
  const fill = (line: string) => line.replaceAll('{number}', () => emergencyNumber);
  const ruleOrder = new Map(redFlagRules.map((rule, i) => [rule.id, i]));
  const categories: RedFlagCategory[] = [];
  for (const id of [...redFlags].sort((a, b) => (ruleOrder.get(a) ?? Infinity) - (ruleOrder.get(b) ?? Infinity))) {
    const category = categoryByRuleId.get(id);
    if (category !== undefined && !categories.includes(category)) categories.push(category);
  }
  const advice = categories.slice(0, maxAdviceLines).map((c) => `• ${fill(text[adviceKeyByCategory[c]])}`);
  return [fill(text.emergency), ...(advice.length > 0 ? [advice.join('\n')] : []), fill(text.staffAlerted)].join('\n\n');
}
