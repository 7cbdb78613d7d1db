import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessVital } from './assess-vital.ts';
import { parseVitals, type VitalReading } from './parse-vitals.ts';
import { vitalsCases } from './vitals-cases.ts';

function describe(reading: VitalReading): string {
  switch (reading.kind) {
    case 'glucose':
      return `glucose ${reading.value} ${reading.unit}${reading.context === undefined ? '' : ` ${reading.context}`}`;
    case 'blood_pressure':
      return `bp ${reading.systolic}/${reading.diastolic}`;
    case 'weight':
      return `weight ${reading.value} ${reading.unit}`;
    case 'temperature':
      return `temperature ${reading.value} ${reading.unit}`;
    case 'pulse':
      return `pulse ${reading.value}`;
    case 'spo2':
      return `spo2 ${reading.value}`;
  }
}

test('the test set is large and multilingual enough', () => {
  assert.ok(vitalsCases.length >= 100, `${vitalsCases.length} cases`);
  const languages = new Set(vitalsCases.map(([lang]) => lang));
  for (const lang of ['en', 'de', 'es'] as const) assert.ok(vitalsCases.filter(([l]) => l === lang).length >= 20, `${lang} cases`);
  assert.ok(languages.size >= 3);
});

for (const [lang, text, expected] of vitalsCases) {
  test(`${lang}: ${text}`, () => {
    const parsed = parseVitals(text);
    const actual = [...parsed.readings.map(describe), ...parsed.implausible.map((i) => `implausible ${i.kind}`)];
    assert.deepEqual(actual.sort(), [...expected].sort());
  });
}

test('danger limits: hypoglycaemia, hypertensive crisis, low oxygen, high fever, extreme pulse', () => {
  const level = (text: string) => parseVitals(text).readings.map((r) => assessVital(r).level);
  assert.deepEqual(level('sugar 45'), ['danger']);
  assert.deepEqual(level('Blutzucker 2,8 mmol/l'), ['danger']);
  assert.deepEqual(level('glucose 450'), ['danger']);
  assert.deepEqual(level('bp 190/120'), ['danger']);
  assert.deepEqual(level('bp 150/125'), ['danger']);
  assert.deepEqual(level('spo2 88'), ['danger']);
  assert.deepEqual(level('fiebre 40,1'), ['danger']);
  assert.deepEqual(level('temp 104F'), ['danger']);
  assert.deepEqual(level('pulse 150'), ['danger']);
  assert.deepEqual(level('pulse 35'), ['danger']);
});

test('targets: defaults for adults, a clinician’s own range per patient wins', () => {
  const [fasting] = parseVitals('sugar 145 before breakfast').readings;
  assert.equal(assessVital(fasting!).level, 'out_of_range');
  assert.equal(assessVital(fasting!, { glucoseFasting: { low: 90, high: 150 } }).level, 'in_range');
  const [after] = parseVitals('sugar 145 after lunch').readings;
  assert.equal(assessVital(after!).level, 'in_range');
  const [bp] = parseVitals('bp 150/95').readings;
  assert.deepEqual(assessVital(bp!), { level: 'out_of_range', reason: 'systolic 150 above the target 139' });
  const [mmol] = parseVitals('Blutzucker 7,8').readings;
  assert.equal(assessVital(mmol!).level, 'in_range'); // 141 mg/dL, no context: 70–180
  const [weight] = parseVitals('weight 82 kg').readings;
  assert.equal(assessVital(weight!).level, 'in_range');
  assert.equal(assessVital(weight!, { weight: { high: 80 } }).level, 'out_of_range');
  assert.equal(assessVital(parseVitals('oxygen 93%').readings[0]!).level, 'out_of_range');
});

test('readings become FHIR Observations with LOINC codes, UCUM units and an interpretation', async () => {
  const { toObservation } = await import('./to-observation.ts');
  const at = new Date('2026-11-22T07:30:00Z');
  const [bp] = parseVitals('bp 190/120').readings;
  const observation = toObservation(bp!, { patientId: 'p1', effectiveAt: at, assessment: assessVital(bp!), method: 'patient_message' });
  assert.equal(observation.code.coding[0]!.code, '85354-9');
  assert.deepEqual(observation.component?.map((c) => [c.code.coding[0]!.code, c.valueQuantity.value, c.valueQuantity.code]), [
    ['8480-6', 190, 'mm[Hg]'],
    ['8462-4', 120, 'mm[Hg]'],
  ]);
  assert.equal(observation.interpretation?.[0]?.coding[0]?.code, 'AA');
  const [glucose] = parseVitals('Blutzucker 7,8 mmol/l nüchtern').readings;
  const g = toObservation(glucose!, { patientId: 'p1', effectiveAt: at, assessment: assessVital(glucose!), method: 'patient_message' });
  assert.equal(g.code.coding[0]!.code, '15074-8');
  assert.deepEqual(g.valueQuantity, { value: 7.8, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' });
  assert.equal(g.interpretation?.[0]?.coding[0]?.code, 'H'); // 141 mg/dL fasting: above 130
  assert.equal(g.subject.reference, 'Patient/p1');
});
