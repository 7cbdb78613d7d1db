import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeText } from './normalize-text.ts';

test('lowercase ASCII without accents', () => {
  assert.equal(normalizeText('Brustschmerzen, ÜBELKEIT'), 'brustschmerzen | ubelkeit');
  assert.equal(normalizeText('Größe'), 'grosse');
  assert.equal(normalizeText('cœur'), 'coeur');
  assert.equal(normalizeText('não consigo respirar'), 'nao consigo respirar');
  assert.equal(normalizeText('¿Me duele el pecho?'), 'me duele el pecho');
});

test('apostrophes: French elisions split, English contractions joined', () => {
  assert.equal(normalizeText("J'ai mal à la poitrine"), 'j ai mal a la poitrine');
  assert.equal(normalizeText('il n’arrive plus à parler'), 'il n arrive plus a parler');
  assert.equal(normalizeText("I can't breathe"), 'i cant breathe');
  assert.equal(normalizeText('he’s not responding'), 'hes not responding');
  assert.equal(normalizeText("aujourd'hui"), 'aujourdhui');
});

test('numbers: decimal commas, degrees, units glued to numbers, ordinals', () => {
  assert.equal(normalizeText('38,5'), '38.5');
  assert.equal(normalizeText('39.2°C'), '39.2 deg c');
  assert.equal(normalizeText('39º'), '39 deg');
  assert.equal(normalizeText('2months old'), '2 months old');
  assert.equal(normalizeText('in der 30. Woche'), 'in der 30 woche');
  assert.equal(normalizeText('1, 2, 3'), '1 | 2 | 3');
});

test('punctuation becomes clause breaks; emoji and symbols become spaces', () => {
  assert.equal(normalizeText('help!!! my dad… collapsed'), 'help | my dad | collapsed');
  assert.equal(normalizeText('😭😭 chest-pain / sweating'), 'chest pain sweating');
  assert.equal(normalizeText('  line one\nline two  '), 'line one | line two');
  assert.equal(normalizeText('!!!'), '');
});

test('letters typed three or more times count once', () => {
  assert.equal(normalizeText('heeelp I cant breeeathe'), 'help i cant breathe');
  assert.equal(normalizeText('too good'), 'too good');
});
