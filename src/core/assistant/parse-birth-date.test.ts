import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBirthDate, parseFullName } from './parse-birth-date.ts';

const now = new Date('2026-11-22T10:00:00Z');

test('dates of birth as patients type them', () => {
  assert.equal(parseBirthDate('03/02/1980', now), '1980-02-03');
  assert.equal(parseBirthDate('3.2.1980', now), '1980-02-03');
  assert.equal(parseBirthDate(' 03-02-1980 ', now), '1980-02-03');
  assert.equal(parseBirthDate('1980-02-03', now), '1980-02-03');
  assert.equal(parseBirthDate('29/02/2024', now), '2024-02-29');
});

test('impossible, future and implausible dates are refused', () => {
  for (const text of ['31/02/1980', '29/02/2023', '01/01/2030', '01/01/1890', 'yesterday', '1980', '12/1980', '']) {
    assert.equal(parseBirthDate(text, now), undefined, text);
  }
});

test('full names', () => {
  assert.equal(parseFullName('  María   José  García '), 'María José García');
  assert.equal(parseFullName('Jürgen Müller'), 'Jürgen Müller');
  for (const text of ['', 'x', '12345', 'R2D2']) assert.equal(parseFullName(text), undefined, text);
});
