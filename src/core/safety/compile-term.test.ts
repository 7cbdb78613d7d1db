import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileAnyTerm, compileTerm } from './compile-term.ts';

const matches = (term: string, text: string) => {
  const re = compileTerm(term);
  re.lastIndex = 0;
  return re.test(text);
};

test('whole words only; * for any ending or beginning', () => {
  assert.equal(matches('pain', 'chest pain now'), true);
  assert.equal(matches('pain', 'painting'), false);
  assert.equal(matches('breath*', 'cant breathe'), true);
  assert.equal(matches('breath*', 'shortbreath'), false);
  assert.equal(matches('*vergiftung', 'alkoholvergiftung'), true);
});

test('alternatives, optional groups and gaps of up to three words', () => {
  assert.equal(matches('chest (is|feels|) tight', 'chest tight'), true);
  assert.equal(matches('chest (is|feels|) tight', 'chest feels tight'), true);
  assert.equal(matches('chest (is|feels|) tight', 'chest very tight'), false);
  assert.equal(matches('pain .. chest', 'pain in my chest'), true);
  assert.equal(matches('pain .. chest', 'pain chest'), true);
  assert.equal(matches('pain .. chest', 'pain in the middle of my chest'), false);
});

test('a term does not cross a clause break', () => {
  assert.equal(matches('pain .. chest', 'pain | chest'), false);
  assert.equal(matches('chest pain', 'chest | pain'), false);
});

test('numbers: #, #year, #temp, #hot, #many', () => {
  assert.equal(matches('in #year', 'in 2019'), true);
  assert.equal(matches('in #year', 'in 3'), false);
  for (const t of ['38 c', '38.5', '39 grad', '40 deg', '100.4 f', '102 degrees', '38 grados']) assert.equal(matches('#temp', t), true, t);
  for (const t of ['37.9', '38', '100', '101', '36 c', '43 c', '99.9 f']) assert.equal(matches('#temp', t), false, t);
  assert.equal(matches('temp #hot', 'temp 38'), true);
  assert.equal(matches('temp #hot', 'temp 37'), false);
  assert.equal(matches('#many tablets', '20 tablets'), true);
  assert.equal(matches('#many tablets', '9 tablets'), false);
  assert.equal(matches('#many', '10 mg'), false);
  assert.equal(matches('#many', '12 years'), false);
});

test('syntax errors name the term', () => {
  for (const bad of ['3rd degree', 'Chest pain', 'douleur thoracique à', '(a|b', 'a)', '.. pain', '(|) pain', '(a|) b', 'a  b', 'a..b', '']) {
    assert.throws(() => compileTerm(bad), /red-flag term|must not be empty/, bad);
  }
  assert.throws(() => compileAnyTerm([]), /must not be empty/);
});
