import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isReplyWindowOpen, needsReplyWindow } from './is-reply-window-open.ts';

const last = new Date('2026-03-29T00:30:00Z'); // a night with a DST change in Europe: UTC arithmetic is unaffected

test('open just inside 24 hours, closed at and after 24 hours', () => {
  assert.equal(isReplyWindowOpen(last, new Date('2026-03-30T00:29:59Z'), 24), true);
  assert.equal(isReplyWindowOpen(last, new Date('2026-03-30T00:30:00Z'), 24), false);
  assert.equal(isReplyWindowOpen(last, new Date('2026-04-02T00:00:00Z'), 24), false);
});

test('closed when the patient never wrote', () => {
  assert.equal(isReplyWindowOpen(undefined, new Date(), 24), false);
});

test('only templates may be sent outside the window', () => {
  assert.equal(needsReplyWindow({ kind: 'text', text: 'hi' }), true);
  assert.equal(needsReplyWindow({ kind: 'template', name: 'appointment_reminder', language: 'en', bodyParams: [] }), false);
  assert.equal(needsReplyWindow({ kind: 'choices', text: 'pick', choices: [{ id: 'a', title: 'A' }] }), true);
});
