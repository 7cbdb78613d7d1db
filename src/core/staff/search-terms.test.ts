import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toNameTerms, toPhoneTerms, toQueryTerms } from './search-terms.ts';

test('names fold case and accents; a query matches the stored terms', () => {
  assert.deepEqual(toNameTerms('José  Müller-Lüdenscheidt'), ['name:jose', 'name:muller', 'name:ludenscheidt']);
  assert.deepEqual(toQueryTerms('muller JOSÉ'), ['name:muller', 'name:jose']);
});

test('phone numbers match with or without country code and formatting', () => {
  const stored = toPhoneTerms('351912345678');
  assert.ok(stored.includes(toQueryTerms('+351 912 345 678')[0] ?? ''));
  assert.ok(stored.includes(toQueryTerms('912 345 678')[0] ?? ''));
  assert.deepEqual(toPhoneTerms('123'), []);
});
