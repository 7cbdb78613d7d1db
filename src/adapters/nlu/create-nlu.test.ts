import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { before, test } from 'node:test';
import type { Nlu } from '../../app/ports.ts';
import type { Understanding } from '../../core/assistant/understanding.ts';
import { clinicConfigSchema, supportedLanguages, type ClinicConfig } from '../../core/clinic/clinic-config.ts';
import { demoClinicConfigPath, loadClinicConfig } from '../clinic-config/load-clinic-config.ts';
import { createNlu } from './create-nlu.ts';
import { checkSet, tuningSet, type HeldOutSet } from './held-out-examples.ts';
import { intentExamples } from './intent-examples.ts';

let config: ClinicConfig;
let nlu: Nlu;

before(async () => {
  config = await loadClinicConfig(demoClinicConfigPath);
  nlu = await createNlu(config);
});

interface Measured {
  faqTotal: number;
  /** The engine would send the right answer (best ≥ faqThreshold and not beaten by an intent). */
  faqAnswered: number;
  /** The engine would send a wrong answer: the number that must stay near zero. */
  faqWrong: number;
  /** Not answered, but the right entry is among the near-miss buttons. */
  faqNearMiss: number;
  /** The right entry ranked first, whatever its score. */
  faqTop1: number;
  intentTotal: number;
  intentRight: number;
  unrelatedTotal: number;
  /** No intent and no FAQ candidate at or above the near-miss threshold. */
  unrelatedQuiet: number;
  misses: string[];
}

async function measure(set: HeldOutSet): Promise<Measured> {
  const { faqThreshold, nearMissThreshold } = config.assistant;
  const m: Measured = { faqTotal: 0, faqAnswered: 0, faqWrong: 0, faqNearMiss: 0, faqTop1: 0, intentTotal: 0, intentRight: 0, unrelatedTotal: 0, unrelatedQuiet: 0, misses: [] };
  const answered = (u: Understanding) => {
    const best = u.faq[0];
    return best !== undefined && best.score >= faqThreshold && (u.intent === undefined || best.score >= u.intent.score) ? best.value : undefined;
  };
  for (const [id, byLanguage] of Object.entries(set.faq)) {
    for (const text of Object.values(byLanguage).flat()) {
      const u = await nlu.understand(text, { language: undefined });
      m.faqTotal += 1;
      if (u.faq[0]?.value === id) m.faqTop1 += 1;
      const answer = answered(u);
      if (answer === id) m.faqAnswered += 1;
      else if (answer !== undefined) {
        m.faqWrong += 1;
        m.misses.push(`WRONG ${text} → ${answer}`);
      } else if (u.intent === undefined && u.faq.filter((c) => c.score >= nearMissThreshold).slice(0, 2).some((c) => c.value === id)) m.faqNearMiss += 1;
      else m.misses.push(`missed ${text} (${id}) → ${JSON.stringify(u.intent ?? u.faq[0])}`);
    }
  }
  for (const [intent, byLanguage] of Object.entries(set.intents)) {
    for (const text of Object.values(byLanguage).flat()) {
      const u = await nlu.understand(text, { language: undefined });
      m.intentTotal += 1;
      if (answered(u) === undefined && u.intent?.value === intent) m.intentRight += 1;
      else m.misses.push(`intent ${text} (${intent}) → ${JSON.stringify(u.intent ?? u.faq[0])}`);
    }
  }
  for (const text of Object.values(set.unrelated).flat()) {
    const u = await nlu.understand(text, { language: undefined });
    m.unrelatedTotal += 1;
    if (u.intent === undefined && (u.faq[0]?.score ?? 0) < nearMissThreshold) m.unrelatedQuiet += 1;
    else m.misses.push(`unrelated ${text} → ${JSON.stringify(u.intent ?? u.faq[0])}`);
  }
  return m;
}

function report(name: string, m: Measured): string {
  const pct = (n: number, of: number) => `${n}/${of} (${((100 * n) / of).toFixed(0)}%)`;
  return (
    `${name}: FAQ answered right ${pct(m.faqAnswered, m.faqTotal)}, wrong ${m.faqWrong}, right one offered as near miss ${m.faqNearMiss}, ` +
    `ranked first ${pct(m.faqTop1, m.faqTotal)}; intents ${pct(m.intentRight, m.intentTotal)}; unrelated kept quiet ${pct(m.unrelatedQuiet, m.unrelatedTotal)}`
  );
}

test('trains on the demo clinic fast enough for start-up', async (t) => {
  const started = performance.now();
  await createNlu(config);
  const ms = performance.now() - started;
  t.diagnostic(`training on the demo clinic: ${ms.toFixed(0)} ms (${config.faq.length} FAQ entries, ${config.languages.supported.length} languages)`);
  assert.ok(ms < 5000);
});

test('FAQ paraphrases in five languages hit the right entry; unrelated text stays quiet (tuning set)', async (t) => {
  const m = await measure(tuningSet);
  t.diagnostic(report('tuning set', m));
  for (const miss of m.misses) t.diagnostic(miss);
  assert.equal(m.faqWrong, 0);
  assert.ok(m.faqTop1 / m.faqTotal >= 0.9);
  assert.ok((m.faqAnswered + m.faqNearMiss) / m.faqTotal >= 0.8);
  assert.ok(m.intentRight / m.intentTotal >= 0.9);
  assert.equal(m.unrelatedQuiet, m.unrelatedTotal);
});

test('the same on messages written after tuning (check set)', async (t) => {
  const m = await measure(checkSet);
  t.diagnostic(report('check set', m));
  for (const miss of m.misses) t.diagnostic(miss);
  assert.ok(m.faqWrong / m.faqTotal <= 0.05, 'at most 5% wrong answers');
  assert.ok(m.faqTop1 / m.faqTotal >= 0.8);
  assert.ok(m.intentRight / m.intentTotal >= 0.8);
  // "el autobús iba lleno…" shares "autobús" with the parking entry ("¿cómo llego en autobús?").
  assert.ok(m.unrelatedQuiet / m.unrelatedTotal >= 0.7);
});

test('paraphrased FAQ questions in English, Spanish, German, French and Portuguese are answered', async () => {
  const cases: Array<[string, string]> = [
    ['is there anywhere to park?', 'address-parking'],
    ['¿cuánto tardan en dar los resultados?', 'test-results'],
    ['kann ich mit Karte bezahlen?', 'payment-methods'],
    ['vous acceptez quelles assurances ?', 'prices-insurance'],
    ['preciso de ir em jejum para as análises?', 'fasting-blood-test'],
  ];
  for (const [text, id] of cases) {
    const u = await nlu.understand(text, { language: undefined });
    assert.equal(u.faq[0]?.value, id, text);
    assert.ok((u.faq[0]?.score ?? 0) >= config.assistant.faqThreshold, `${text}: ${u.faq[0]?.score}`);
  }
});

test('unrelated text scores below the near-miss threshold', async () => {
  for (const text of ['my cat is orange', 'mi gato es naranja', 'meine Katze ist orange']) {
    const u = await nlu.understand(text, { language: 'en' });
    assert.equal(u.intent, undefined, text);
    assert.ok((u.faq[0]?.score ?? 0) < config.assistant.nearMissThreshold, `${text}: ${JSON.stringify(u.faq[0])}`);
  }
});

test('free text maps to the built-in intents in every language', async () => {
  const cases: Array<[string, string]> = [
    ['I want to book an appointment', 'book'],
    ['quiero pedir cita', 'book'],
    ['Termin vereinbaren', 'book'],
    ['je veux prendre rendez-vous', 'book'],
    ['quero marcar consulta', 'book'],
    ['talk to a human', 'talk_to_staff'],
    ['hablar con una persona', 'talk_to_staff'],
    ['when are you open on saturday?', 'opening_hours'],
    ['ich muss meinen Termin absagen', 'my_appointments'],
    ['merci beaucoup !', 'thanks'],
    ['olá', 'greeting'],
  ];
  for (const [text, intent] of cases) {
    const u = await nlu.understand(text, { language: undefined });
    assert.equal(u.intent?.value, intent, `${text}: ${JSON.stringify(u)}`);
  }
});

test('reports the detected language; short texts fall back to the conversation’s language', async () => {
  assert.equal((await nlu.understand('hola, quiero pedir cita para mañana', { language: 'en' })).language?.value, 'es');
  const short = await nlu.understand('menu', { language: 'es' });
  assert.equal(short.language, undefined);
  assert.equal(short.intent?.value, 'menu');
  assert.deepEqual(await nlu.understand('   ', { language: 'en' }), { faq: [] });
  assert.deepEqual(await nlu.understand('👍', { language: 'en' }), { faq: [] });
});

test('scores are between 0 and 1, FAQ candidates best first, ids from the config', async () => {
  const ids = new Set(config.faq.map((e) => e.id));
  for (const text of ['how much does it cost and do you take insurance?', 'parking', 'Rezept', 'résultats']) {
    const u = await nlu.understand(text, { language: 'en' });
    for (const [i, c] of u.faq.entries()) {
      assert.ok(ids.has(c.value));
      assert.ok(c.score > 0 && c.score <= 1);
      if (i > 0) assert.ok((u.faq[i - 1]?.score ?? 0) >= c.score);
    }
    if (u.intent !== undefined) assert.ok(u.intent.score > 0 && u.intent.score <= 1);
  }
});

test('training is deterministic', async () => {
  const again = await createNlu(config);
  for (const text of ['can I leave my car near the clinic', 'quiero cancelar la cita de mañana', 'mes résultats', 'hallo']) {
    assert.deepEqual(await again.understand(text, { language: 'en' }), await nlu.understand(text, { language: 'en' }));
  }
});

test('training is silent and writes no model file', async () => {
  const calls: string[] = [];
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const saved = methods.map((name) => console[name]);
  for (const name of methods) console[name] = (...args: unknown[]) => void calls.push(`${name}: ${args.join(' ')}`);
  try {
    const quiet = await createNlu(config);
    await quiet.understand('what can you do?', { language: 'en' });
  } finally {
    methods.forEach((name, i) => {
      console[name] = saved[i] as (typeof console)[typeof name];
    });
  }
  assert.deepEqual(calls, []);
  assert.equal(existsSync('model.nlp'), false);
});

test('a clinic without the FAQ feature gets no FAQ candidates; unsupported languages are skipped', async () => {
  const noFaq = await createNlu({ ...config, features: ['booking', 'talk_to_staff'] });
  assert.deepEqual((await noFaq.understand('where can I park my car?', { language: 'en' })).faq, []);

  const small = clinicConfigSchema.parse({
    clinic: { name: 'Two languages', timeZone: 'Europe/Lisbon' },
    languages: { default: 'pt', supported: ['pt', 'en'] },
    openingHours: { mon: [{ open: '09:00', close: '17:00' }] },
    faq: [{ id: 'parking', questions: { pt: ['Onde posso estacionar?'], en: ['Where can I park?'], de: ['Wo kann ich parken?'] }, answer: { pt: 'Na rua.', en: 'On the street.' } }],
    consent: { version: '1', privacyUrl: 'https://example.org/privacy' },
    emergency: { number: '112' },
  });
  const twoLanguages = await createNlu(small);
  assert.equal((await twoLanguages.understand('onde posso estacionar o carro?', { language: 'pt' })).faq[0]?.value, 'parking');
  assert.equal((await twoLanguages.understand('Guten Tag, wo kann ich parken?', { language: 'pt' })).language?.value !== 'de', true);
});

test('every built-in intent has 8–15 examples in every language', () => {
  for (const [intent, byLanguage] of Object.entries(intentExamples)) {
    for (const lang of supportedLanguages) {
      const n = byLanguage[lang].length;
      assert.ok(n >= 8 && n <= 15, `${intent}.${lang}: ${n}`);
    }
  }
});

test('held-out messages are not training examples', () => {
  const training = new Set<string>();
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  for (const byLanguage of Object.values(intentExamples)) for (const list of Object.values(byLanguage)) for (const s of list) training.add(key(s));
  for (const entry of config.faq) for (const list of Object.values(entry.questions)) for (const s of list ?? []) training.add(key(s));
  for (const set of [tuningSet, checkSet]) {
    for (const group of [...Object.values(set.faq), ...Object.values(set.intents), set.unrelated]) {
      for (const s of Object.values(group).flat()) assert.equal(training.has(key(s)), false, s);
    }
  }
});
