import assert from 'node:assert/strict';
import { test } from 'node:test';
import { birthDateCandidates } from './birth-date-candidates.ts';

const now = new Date('2026-11-22T10:00:00Z');

test('numbers, day first, in every language', () => {
  for (const lang of ['de', 'es', 'fr', 'pt'] as const) {
    for (const text of ['03/02/1980', '3.2.1980', '03-02-1980', '3 2 1980', ' 03.02.1980 ', '3/2/80']) {
      assert.deepEqual(birthDateCandidates(text, lang, now), ['1980-02-03'], `${lang} ${text}`);
    }
  }
  assert.deepEqual(birthDateCandidates('1980-02-03', 'de', now), ['1980-02-03']);
  assert.deepEqual(birthDateCandidates('29.02.2024', 'de', now), ['2024-02-29']);
});

test('English: day first or month first when both are real dates', () => {
  assert.deepEqual(birthDateCandidates('03/02/1980', 'en', now), ['1980-02-03', '1980-03-02']);
  assert.deepEqual(birthDateCandidates('25/12/1975', 'en', now), ['1975-12-25']);
  assert.deepEqual(birthDateCandidates('12/25/1975', 'en', now), ['1975-12-25']);
  assert.deepEqual(birthDateCandidates('05/05/1990', 'en', now), ['1990-05-05']);
});

test('month names in the five languages, with and without accents', () => {
  const cases: Array<[string, 'en' | 'de' | 'es' | 'fr' | 'pt']> = [
    ['3 February 1980', 'en'],
    ['February 3, 1980', 'en'],
    ['Feb 3rd 1980', 'en'],
    ['3rd of February 1980'.replace(' of', ''), 'en'],
    ['3. Februar 1980', 'de'],
    ['3 de febrero de 1980', 'es'],
    ['3 febrero 1980', 'es'],
    ['3 février 1980', 'fr'],
    ['le 3 fevrier 1980', 'fr'],
    ['3 de fevereiro de 1980', 'pt'],
  ];
  for (const [text, lang] of cases) assert.deepEqual(birthDateCandidates(text, lang, now), ['1980-02-03'], text);
  assert.deepEqual(birthDateCandidates('1. März 1950', 'de', now), ['1950-03-01']);
  assert.deepEqual(birthDateCandidates('1. Marz 1950', 'de', now), ['1950-03-01']);
});

test('two-digit years fall in the past', () => {
  assert.deepEqual(birthDateCandidates('01.01.25', 'de', now), ['2025-01-01']);
  assert.deepEqual(birthDateCandidates('01.01.30', 'de', now), ['1930-01-01']);
});

test('not a date, impossible, future or implausible: nothing', () => {
  for (const text of ['31/02/1980', '29.02.2023', '01/01/2030', '01/01/1890', 'yesterday', '1980', '12/1980', '', '123456', 'my birthday is in May', '3 Smarch 1980']) {
    assert.deepEqual(birthDateCandidates(text, 'de', now), [], text);
  }
});
