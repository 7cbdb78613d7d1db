import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeText } from '../safety/normalize-text.ts';
import { assessTriage } from './assess-triage.ts';
import { readAgeYears, readDurationDays, readTemperatureC } from './read-context.ts';
import { findings, presentations, questionConditions, questions, rules } from './triage-rules.ts';
import { triageLevels } from './triage-types.ts';

const departments = ['general', 'dermatology', 'lab', 'paediatrics'];
const assess = (text: string, extra: Partial<Parameters<typeof assessTriage>[0]> = {}) => assessTriage({ text, departments, ...extra });

test('the rule data is consistent: every id referenced exists, ids unique, ≤ 3 answers, en/es/de words for every presentation', () => {
  const findingIds = new Set([...findings.map((f) => f.id), ...presentations.map((p) => p.id)]);
  const questionIds = new Set(questions.map((q) => q.id));
  const presentationIds = new Set(presentations.map((p) => p.id));
  for (const list of [findings, presentations, questions, rules]) assert.equal(new Set(list.map((x) => x.id)).size, list.length);
  for (const p of presentations) {
    for (const lang of ['en', 'es', 'de'] as const) assert.ok((p.terms[lang] ?? []).length > 0, `${p.id} has no ${lang} words`);
    for (const q of p.questions) assert.ok(questionIds.has(q), `${p.id}: unknown question ${q}`);
    assert.ok(p.source.length > 20 && p.departments.length > 0);
  }
  for (const q of questions) {
    assert.ok(q.options.length >= 2 && q.options.length <= 3, q.id);
    for (const o of q.options) for (const f of o.findings) assert.ok(findingIds.has(f), `${q.id}: unknown finding ${f}`);
  }
  for (const [q, c] of Object.entries(questionConditions)) {
    assert.ok(questionIds.has(q));
    for (const f of [...(c.askIf ?? []), ...(c.skipIf ?? [])]) assert.ok(findingIds.has(f), `${q}: unknown finding ${f}`);
  }
  for (const r of rules) {
    assert.ok(triageLevels.includes(r.level));
    for (const p of r.presentations ?? []) assert.ok(presentationIds.has(p), `${r.id}: unknown presentation ${p}`);
    for (const f of [...(r.all ?? []), ...(r.any ?? [])]) assert.ok(findingIds.has(f), `${r.id}: unknown finding ${f}`);
    assert.ok(r.source.length > 10, `${r.id} needs a source`);
  }
});

test('every presentation is recognised in English, Spanish and German', () => {
  const examples: Record<string, [string, string, string]> = {
    chest_pain: ['my chest hurts', 'me duele el pecho', 'ich habe Brustschmerzen'],
    breathing: ['I get short of breath on the stairs', 'me cuesta respirar al subir escaleras', 'ich bin kurzatmig beim Treppensteigen'],
    headache: ['I have a headache', 'tengo dolor de cabeza', 'ich habe Kopfschmerzen'],
    abdominal_pain: ['tummy ache since this morning', 'me duele la barriga', 'ich habe Bauchschmerzen'],
    vomiting_diarrhoea: ['I have diarrhoea', 'tengo diarrea', 'ich habe Durchfall'],
    fever: ['I have a fever', 'tengo fiebre', 'ich habe Fieber'],
    cough_cold: ['I have a cough and a cold', 'tengo tos y mocos', 'ich habe Husten und Schnupfen'],
    sore_throat: ['I have a sore throat', 'me duele la garganta', 'ich habe Halsschmerzen'],
    urinary: ['it burns when I pee', 'me arde al orinar', 'es brennt beim Wasserlassen'],
    back_pain: ['my lower back hurts', 'me duele la espalda', 'ich habe Rückenschmerzen'],
    skin_rash: ['I have an itchy rash', 'tengo un sarpullido', 'ich habe einen Ausschlag'],
    skin_lesion: ['a mole on my back', 'tengo un lunar raro', 'ein Muttermal am Arm'],
    injury: ['I sprained my ankle', 'tengo un esguince', 'ich bin umgeknickt'],
    eye_red: ['my eyes are red and sticky', 'tengo conjuntivitis', 'ich habe eine Bindehautentzündung'],
    eye_problem: ['my eye hurts', 'me duele el ojo', 'ich habe Augenschmerzen'],
    earache: ['I have earache', 'me duele el oído', 'ich habe Ohrenschmerzen'],
    pregnancy: ['I am pregnant', 'estoy embarazada', 'ich bin schwanger'],
    mental_health: ['I feel depressed', 'tengo ansiedad', 'ich habe Angstzustände'],
    allergy: ['my allergies are bad', 'tengo alergia', 'ich habe Heuschnupfen'],
    diabetes: ['I have diabetes', 'soy diabético', 'ich bin Diabetiker'],
  };
  for (const p of presentations) {
    const texts = examples[p.id];
    assert.ok(texts !== undefined, `no example for ${p.id}`);
    for (const text of texts) assert.ok(assess(text).presentations.includes(p.id), `${p.id} not recognised in "${text}"`);
  }
});

test('levels: red flags win; rules raise; start levels; nothing recognised is routine, never self-care', () => {
  assert.equal(assess('crushing chest pain and sweating').level, 'emergency');
  assert.deepEqual(assess('crushing chest pain and sweating').redFlags, ['cardiac_chest_pain']);
  assert.equal(assess('I have chest pain').level, 'urgent');
  assert.equal(assess('I have a cold').level, 'self_care');
  assert.equal(assess('I have had a cough for 4 weeks').level, 'routine');
  assert.equal(assess('sudden severe headache').level, 'emergency');
  const unknown = assess('hello, I want to ask something');
  assert.equal(unknown.level, 'routine');
  assert.equal(unknown.recognised, false);
});

test('negation: "no fever", "sin fiebre", "kein Fieber" do not count', () => {
  for (const text of ['cough but no fever', 'tos sin fiebre', 'Husten, kein Fieber']) {
    const a = assess(text);
    assert.ok(!a.presentations.includes('fever'), text);
    assert.ok(a.presentations.includes('cough_cold'), text);
  }
});

test('age, sex, pregnancy, duration and severity change the level', () => {
  assert.equal(assess('fever').level, 'self_care');
  assert.equal(assess('my baby has a fever', { answers: { q_child_age: 'under_3m' } }).level, 'emergency');
  assert.equal(assess('fever', { ageYears: 0.5 }).level, 'urgent');
  assert.equal(assess('burning when I pee').level, 'self_care');
  assert.equal(assess('burning when I pee', { sex: 'male' }).level, 'urgent');
  assert.equal(assess('burning when I pee', { pregnant: true }).level, 'urgent');
  assert.equal(assess('stomach ache').level, 'self_care');
  assert.equal(assess('stomach ache', { answers: { q_severity: 'severe' } }).level, 'urgent');
  assert.equal(assess('sore throat for 10 days').level, 'routine');
  assert.equal(assess('cystitis for 4 days').level, 'urgent');
});

test('follow-up questions: only those whose answer could change the level, and not once answered or known', () => {
  assert.deepEqual(assess('I have chest pain').questions, ['q_chest_features']);
  assert.deepEqual(assess('I have chest pain', { answers: { q_chest_features: 'no' } }).questions, []);
  assert.equal(assess('I have chest pain', { answers: { q_chest_features: 'yes' } }).level, 'emergency');
  // Sex is known from "my wife": the who-question is skipped; pregnancy is asked.
  const wife = assess('my wife has burning when she pees').questions;
  assert.ok(!wife.includes('q_who') && wife.includes('q_pregnant'), wife.join());
  // A skin lesion is routine whatever the answers: nothing to ask.
  assert.deepEqual(assess('a new mole on my arm').questions, []);
  // Duration stated: not asked again.
  assert.ok(!assess('sore throat for 2 days').questions.includes('q_duration'));
});

test('department: the clinic’s own when it fits, paediatrics for children, emergency for emergencies', () => {
  assert.deepEqual([assess('itchy rash on my arm').department, assess('itchy rash on my arm').departmentConfigured], ['dermatology', true]);
  assert.equal(assess('my 4 year old has earache').department, 'paediatrics');
  assert.equal(assess('I have chest pain').department, 'general');
  assert.equal(assess('chest pain and sweating').department, 'emergency');
  assert.deepEqual([assess('I feel depressed').department, assess('I feel depressed', { departments: [] }).departmentConfigured], ['general', false]);
});

test('mental health: counselling flag; self-harm is an emergency', () => {
  assert.equal(assess('I have been feeling depressed for weeks').counselling, true);
  assert.equal(assess('I have been feeling depressed for weeks').level, 'routine');
  assert.equal(assess('I want to kill myself').level, 'emergency');
  assert.equal(assess('I feel depressed', { answers: { q_self_harm: 'yes' } }).level, 'emergency');
});

test('reading age, duration and temperature in several languages', () => {
  const n = normalizeText;
  assert.equal(readAgeYears(n('my 3 year old son')), 3);
  assert.equal(readAgeYears(n('bebé de 2 meses')), 2 / 12);
  assert.equal(readAgeYears(n('mein 4-jähriger Sohn')), 4);
  assert.equal(readAgeYears(n('Sie ist 6 Monate alt')), 0.5);
  assert.equal(readAgeYears(n('tos desde hace 2 semanas')), undefined);
  assert.equal(readDurationDays(n('for the past 3 days')), 3);
  assert.equal(readDurationDays(n('desde hace una semana')), 7);
  assert.equal(readDurationDays(n('seit zwei Wochen')), 14);
  assert.equal(readDurationDays(n('since yesterday')), 1);
  assert.equal(readDurationDays(n('my throat hurts')), undefined);
  assert.equal(readTemperatureC(n('fever of 39,5°C')), 39.5);
  assert.equal(readTemperatureC(n('temp 102 F')), ((102 - 32) * 5) / 9);
  assert.equal(readTemperatureC(n('38 weeks pregnant')), undefined);
  assert.equal(assess('temperatura de 40 grados').findings.includes('fever_very_high'), true);
});

test('fast enough to run on every message (< 5 ms each on a busy 2-core machine)', () => {
  const start = performance.now();
  for (let i = 0; i < 200; i++) assess(`my ${i % 10} year old has had a cough and fever of 38.5 for 3 days, no rash`);
  assert.ok((performance.now() - start) / 200 < 5);
});
