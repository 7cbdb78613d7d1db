import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyVerification, judgeBirthDate, judgeCode, unlock, withCode, type VerificationRecord } from './identity-verification.ts';

const now = new Date('2026-11-22T10:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const onFile = '1980-02-03';

test('the right date of birth matches; a code is issued with a 10-minute expiry', () => {
  const judged = judgeBirthDate(emptyVerification(), { candidates: ['1980-02-03'], onFile, now });
  assert.equal(judged.outcome, 'matched');
  assert.ok(judged.outcome === 'matched');
  const issued = withCode(judged.next, 'hash-1', now);
  assert.equal(issued.codeHash, 'hash-1');
  assert.deepEqual(issued.codeExpiresAt, later(10));
});

test('an ambiguous answer matches when one reading is the date on file', () => {
  assert.equal(judgeBirthDate(emptyVerification(), { candidates: ['1980-03-02', '1980-02-03'], onFile, now }).outcome, 'matched');
});

test('three wrong dates of birth lock; a locked record refuses even the right answer', () => {
  let record: VerificationRecord = emptyVerification();
  const first = judgeBirthDate(record, { candidates: ['1981-02-03'], onFile, now });
  assert.deepEqual(first.outcome === 'wrong' && first.attemptsLeft, 2);
  record = first.outcome === 'wrong' ? first.next : record;
  const second = judgeBirthDate(record, { candidates: ['1981-02-03'], onFile, now });
  assert.deepEqual(second.outcome === 'wrong' && second.attemptsLeft, 1);
  record = second.outcome === 'wrong' ? second.next : record;
  const third = judgeBirthDate(record, { candidates: ['1981-02-03'], onFile, now });
  assert.equal(third.outcome, 'locked_now');
  record = third.outcome === 'locked_now' ? third.next : record;
  assert.deepEqual(record.lockedAt, now);
  assert.equal(record.failedAttempts, 3);
  assert.equal(judgeBirthDate(record, { candidates: [onFile], onFile, now }).outcome, 'locked');
  assert.equal(judgeCode(record, { givenHash: 'x', now }).outcome, 'locked');
  assert.equal(judgeBirthDate(unlock(), { candidates: [onFile], onFile, now }).outcome, 'matched');
});

test('without a date of birth on file nobody can verify (and nothing is counted)', () => {
  assert.deepEqual(judgeBirthDate(emptyVerification(), { candidates: [onFile], onFile: undefined, now }), { outcome: 'no_birth_date' });
});

test('the code: wrong ones count with the date-of-birth failures; the right one is single use', () => {
  const record = withCode({ ...emptyVerification(), failedAttempts: 1 }, 'good', now);
  const wrong = judgeCode(record, { givenHash: 'bad', now: later(1) });
  assert.equal(wrong.outcome, 'wrong');
  assert.ok(wrong.outcome === 'wrong');
  assert.equal(wrong.attemptsLeft, 1);
  assert.equal(wrong.next.codeHash, 'good', 'a typo can be corrected');
  const right = judgeCode(wrong.next, { givenHash: 'good', now: later(2) });
  assert.equal(right.outcome, 'verified');
  assert.ok(right.outcome === 'verified');
  assert.deepEqual(right.next, emptyVerification());
  assert.equal(judgeCode(right.next, { givenHash: 'good', now: later(3) }).outcome, 'no_code', 'used once');
  const locking = judgeCode(wrong.next, { givenHash: 'bad', now: later(2) });
  assert.equal(locking.outcome, 'locked_now');
});

test('an expired code is dropped without counting a failure', () => {
  const record = withCode(emptyVerification(), 'good', now);
  const late = judgeCode(record, { givenHash: 'good', now: later(10) });
  assert.equal(late.outcome, 'expired');
  assert.ok(late.outcome === 'expired');
  assert.equal(late.next.failedAttempts, 0);
  assert.equal(late.next.codeHash, undefined);
});

test('a new date-of-birth answer drops an outstanding code', () => {
  const record = withCode(emptyVerification(), 'old', now);
  const again = judgeBirthDate(record, { candidates: ['1999-01-01'], onFile, now });
  assert.ok(again.outcome === 'wrong');
  assert.equal(again.next.codeHash, undefined);
});
