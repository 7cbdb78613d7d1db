import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findMentions } from './find-mentions.ts';

const staff = [
  { id: '1', displayName: 'Anna', email: 'anna@clinic.example' },
  { id: '2', displayName: 'Anna Kraus', email: 'akraus@clinic.example' },
  { id: '3', displayName: 'Jörg Müller', email: 'jm@clinic.example' },
];

test('mentions by display name, longest first, accent-insensitive, e-mail local part', () => {
  assert.deepEqual(findMentions('@Anna Kraus please call back', staff).map((m) => m.id), ['2']);
  assert.deepEqual(findMentions('ask @anna, and @jorg muller too', staff).map((m) => m.id), ['1', '3']);
  assert.deepEqual(findMentions('cc @akraus', staff).map((m) => m.id), ['2']);
  assert.deepEqual(findMentions('cc @jörg.müller', staff).map((m) => m.id), ['3']);
});

test('no mention in e-mail addresses or partial words', () => {
  assert.deepEqual(findMentions('write to x@anna.org', staff), []);
  assert.deepEqual(findMentions('@annabel is not here', staff), []);
});
