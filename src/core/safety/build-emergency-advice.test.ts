import assert from 'node:assert/strict';
import { test } from 'node:test';
import { supportedLanguages } from '../clinic/clinic-config.ts';
import { buildEmergencyAdvice, emergencyAdviceLocales, maxAdviceLines } from './build-emergency-advice.ts';
import { en } from './locales/en.ts';
import { redFlagRules } from './red-flag-rules.ts';

const enKeys = Object.keys(en).sort();
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** Lines that must tell the patient the number themselves. */
const needsNumber = ['emergency', 'selfHarm', 'pregnancy'] as const;

for (const lang of supportedLanguages) {
  const text = emergencyAdviceLocales[lang];

  test(`${lang}: every key, no empty line, same {placeholders} as en, {number} where required`, () => {
    assert.deepEqual(Object.keys(text).sort(), enKeys);
    for (const [key, value] of Object.entries(text)) {
      assert.ok(value.trim().length > 0, `${lang}.${key} is empty`);
      assert.deepEqual(placeholders(value), placeholders(en[key as keyof typeof en]), `${lang}.${key}`);
      assert.equal((value.match(/\*/g) ?? []).length % 2, 0, `${lang}.${key} has an unbalanced *`);
      if (lang !== 'en') assert.notEqual(value, en[key as keyof typeof en], `${lang}.${key} is still English`);
    }
    for (const key of needsNumber) assert.match(text[key], /\{number\}/, `${lang}.${key}`);
  });

  test(`${lang}: advice is short, names the number, and never leaves a placeholder`, () => {
    const longNumber = '+00 000 000 000 000';
    for (const rule of redFlagRules) {
      const advice = buildEmergencyAdvice([rule.id], lang, '112');
      assert.match(advice, /112/);
      assert.doesNotMatch(advice, /\{\w+\}/);
    }
    const everything = buildEmergencyAdvice(redFlagRules.map((r) => r.id), lang, longNumber);
    assert.ok([...everything].length <= 1000, `${[...everything].length} characters`);
    assert.equal(everything.split('\n').filter((l) => l.startsWith('• ')).length, maxAdviceLines);
  });
}

test('the most urgent advice comes first, one line per category', () => {
  const advice = buildEmergencyAdvice(['cardiac_chest_pain', 'unconscious', 'cardiac_chest_pain'], 'en', '911');
  const lines = advice.split('\n').filter((l) => l.startsWith('• '));
  assert.deepEqual(lines, [`• ${en.unconscious}`, `• ${en.chestPain}`]);
  assert.ok(advice.startsWith('🚨 *This may be an emergency. Call 911 now.*'));
  assert.ok(advice.endsWith(en.staffAlerted));
});

test('an unknown rule id still gets the emergency number', () => {
  assert.equal(buildEmergencyAdvice(['not_a_rule'], 'fr', '15'), `${emergencyAdviceLocales.fr.emergency.replace('{number}', '15')}\n\n${emergencyAdviceLocales.fr.staffAlerted}`);
});

test('the number is inserted literally', () => {
  assert.match(buildEmergencyAdvice(['suicidal_self_harm'], 'pt', '$& 192'), /\$& 192/);
});
