import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildNgramIndex } from './build-ngram-index.ts';

const index = buildNgramIndex([
  { text: 'Kann ich mit Karte zahlen?', label: 'pay' },
  { text: 'Wo kann ich parken?', label: 'park' },
  { text: '¿Tengo que ir en ayunas?', label: 'fasting' },
]);

test('an example itself scores 1; unrelated text scores nothing', () => {
  assert.equal(index.similarities('Wo kann ich parken?').get('park'), 1);
  assert.equal(index.similarities('xyz qwv').size, 0);
  assert.equal(index.similarities('').size, 0);
});

test('compounds, missing accents and typos still land on the right label', () => {
  const best = (text: string) => [...index.similarities(text)].sort((a, b) => b[1] - a[1])[0]?.[0];
  assert.equal(best('Kartenzahlung möglich?'), 'pay');
  assert.equal(best('tengo q ir en ayuna'), 'fasting');
  assert.equal(best('parkplatz'), 'park');
});

test('similarities are between 0 and 1', () => {
  for (const score of index.similarities('kann ich parken oder mit Karte zahlen').values()) assert.ok(score > 0 && score <= 1);
});
