/** The bundled demo clinic is what new installs and the simulator demo run with: keep it complete. */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, test } from 'node:test';
import { parse } from 'yaml';
import type { ClinicConfig } from '../../core/clinic/clinic-config.ts';
import { demoClinicConfigPath, loadClinicConfig } from './load-clinic-config.ts';

let config: ClinicConfig;

before(async () => {
  config = await loadClinicConfig(demoClinicConfigPath);
});

test('a small multi-specialty clinic in Madrid, five languages, English first', () => {
  assert.equal(config.clinic.timeZone, 'Europe/Madrid');
  assert.equal(config.languages.default, 'en');
  assert.deepEqual([...config.languages.supported].sort(), ['de', 'en', 'es', 'fr', 'pt']);
  assert.deepEqual(config.departments.map((d) => d.id), ['general', 'dermatology', 'lab', 'paediatrics']);
  assert.ok(config.providers.length >= 4 && config.providers.length <= 5);
  assert.equal(config.emergency.number, '112');
  assert.ok(config.openingHours.mon.length === 2, 'lunch break on Monday');
  assert.deepEqual(config.openingHours.sat, [{ open: '09:00', close: '13:00' }]);
  assert.deepEqual(config.openingHours.sun, []);
});

test('every name and text exists in every supported language', () => {
  const langs = config.languages.supported;
  const texts = [
    ...config.departments.flatMap((d) => [d.name, ...d.services.map((s) => s.name)]),
    ...(config.awayMessage === undefined ? [] : [config.awayMessage]),
  ];
  for (const text of texts) for (const lang of langs) assert.ok(text[lang], `${JSON.stringify(text)} lacks ${lang}`);
});

test('at least 12 FAQ entries, each with 3–6 questions, an answer and a short label in every language', () => {
  assert.ok(config.faq.length >= 12);
  for (const entry of config.faq) {
    for (const lang of config.languages.supported) {
      const questions = entry.questions[lang] ?? [];
      assert.ok(questions.length >= 3 && questions.length <= 6, `${entry.id}.questions.${lang}: ${questions.length}`);
      assert.ok(entry.answer[lang], `${entry.id}.answer.${lang}`);
      assert.ok((entry.answer[lang]?.length ?? 0) <= 400, `${entry.id}.answer.${lang} is long for WhatsApp`);
      const label = entry.label?.[lang];
      assert.ok(label !== undefined && [...label].length <= 20, `${entry.id}.label.${lang}`);
    }
  }
});

test('template names and language codes exist in the simulator’s approved templates', async () => {
  const file = path.resolve(import.meta.dirname, '../../../simulator/templates.example.yaml');
  const approved = parse(await readFile(file, 'utf8')) as { templates: Array<{ name: string; languages: Record<string, { body?: string }> }> };
  assert.deepEqual(Object.keys(config.templates).sort(), ['appointment_reminder', 'feedback_survey', 'follow_up', 'follow_up_reminder', 'medication_reminder', 'payment_link', 'refill_approved', 'refill_book', 'refill_declined', 'refill_reminder', 'request_confirmed', 'request_declined', 'result_ready', 'waitlist_offer']);
  for (const [purpose, template] of Object.entries(config.templates)) {
    const known = approved.templates.find((t) => t.name === template.name);
    assert.ok(known, `${purpose}: no approved template "${template.name}"`);
    for (const code of Object.values(template.languages)) {
      assert.ok(code !== undefined && code in known.languages, `${purpose}: no "${code}" translation`);
      // Staff fill one value per placeholder in the inbox's template picker.
      const body: string = known.languages[code]?.body ?? '';
      const placeholders = new Set<string>(body.match(/\{\{\d+\}\}/g) ?? []);
      assert.equal(template.params?.length ?? 0, placeholders.size, `${purpose}: params labels for every placeholder`);
    }
  }
});
