import assert from 'node:assert/strict';
import { test } from 'node:test';
import { supportedLanguages } from '../clinic/clinic-config.ts';
import { careTexts, classifyDocument, isRefillRequest } from './care-texts.ts';

test('every language has every care text, none empty; button titles and rows fit WhatsApp', () => {
  const keys = Object.keys(careTexts.en).sort();
  for (const lang of supportedLanguages) {
    assert.deepEqual(Object.keys(careTexts[lang]).sort(), keys, lang);
    for (const [key, value] of Object.entries(careTexts[lang])) {
      assert.ok(value.trim().length > 0, `${lang}.${key}`);
      if (/Button$/.test(key)) assert.ok([...value].length <= 20, `${lang}.${key} is a button title (≤20)`);
      if (/^(rating\d|category_|menuRow$|refillOtherRow)/.test(key)) assert.ok([...value].length <= 24, `${lang}.${key} is a list row (≤24)`);
    }
  }
});

test('refill requests in free text, in five languages; other questions are not', () => {
  for (const text of [
    'I need more metformin',
    'Can I get a refill of my inhaler?',
    'my pills are running out',
    'repeat prescription please',
    'Ich brauche ein Folgerezept für Ramipril',
    'meine Tabletten gehen aus',
    'Necesito más atorvastatina',
    'se me acaban las pastillas',
    'je voudrais un renouvellement',
    'Preciso de mais metformina',
  ]) {
    assert.equal(isRefillRequest(text), true, text);
  }
  for (const text of ['I need more information about prices', 'how much is a blood test?', 'I ran out of time, can I move my appointment', 'Hola, necesito más información', 'bp 140/90']) {
    assert.equal(isRefillRequest(text), false, text);
  }
});

test('a caption names the document’s category; none when it does not say', () => {
  assert.equal(classifyDocument('my insurance card'), 'insurance_card');
  assert.equal(classifyDocument('Versichertenkarte vorne'), 'insurance_card');
  assert.equal(classifyDocument('tarjeta del seguro'), 'insurance_card');
  assert.equal(classifyDocument('Überweisung vom Hausarzt'), 'referral');
  assert.equal(classifyDocument('volante del médico'), 'referral');
  assert.equal(classifyDocument('blood test results from June'), 'report');
  assert.equal(classifyDocument('compte rendu de l’IRM'), 'report');
  assert.equal(classifyDocument('relatório da alta hospitalar'), 'report');
  assert.equal(classifyDocument('my rash'), undefined);
  assert.equal(classifyDocument(undefined), undefined);
  assert.equal(classifyDocument('  '), undefined);
});
