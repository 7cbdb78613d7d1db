import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyGraphError } from './graph-errors.ts';

test('throttling, temporary and unknown-server codes are retryable', () => {
  for (const code of [2, 4, 80007, 130429, 131000, 131016, 131056, 131057, 133004]) {
    const result = classifyGraphError({ code, httpStatus: 400 });
    assert.equal(result.retryable, true, `code ${code}`);
    assert.ok(result.reason.length > 20);
  }
});

test('permanent codes are never retried, whatever the HTTP status says', () => {
  const permanent = [
    0, 1, 3, 10, 100, 190, 200, 299, 368, 130472, 131005, 131008, 131009, 131021, 131026, 131030, 131031, 131042, 131045,
    131047, 131048, 131049, 131050, 131051, 131052, 131053, 131064, 132000, 132001, 132005, 132007, 132012, 132015,
    132016, 132068, 132999, 133010, 135000,
  ];
  for (const code of permanent) {
    for (const httpStatus of [400, 403, 429, 500, undefined]) {
      const input = httpStatus === undefined ? { code } : { code, httpStatus };
      assert.equal(classifyGraphError(input).retryable, false, `code ${code} HTTP ${httpStatus}`);
    }
  }
});

test('transport failures and 5xx without a known code are retryable', () => {
  assert.equal(classifyGraphError({ transport: true }).retryable, true);
  assert.match(classifyGraphError({ transport: true }).reason, /could not be reached/);
  assert.equal(classifyGraphError({ httpStatus: 502 }).retryable, true);
  assert.equal(classifyGraphError({ httpStatus: 503, code: 987654 }).retryable, true);
  assert.equal(classifyGraphError({ httpStatus: 429 }).retryable, true);
  assert.equal(classifyGraphError({ httpStatus: 400 }).retryable, false);
  assert.equal(classifyGraphError({}).retryable, false);
  assert.equal(classifyGraphError({ code: 555, httpStatus: 400, isTransient: true }).retryable, true);
  assert.equal(classifyGraphError({ code: 131047, isTransient: true }).retryable, false, 'known codes win over is_transient');
});

test('reasons are plain sentences a receptionist can act on', () => {
  assert.equal(
    classifyGraphError({ code: 131047 }).reason,
    'More than 24 hours have passed since the patient last wrote; only an approved template can be sent.',
  );
  assert.equal(
    classifyGraphError({ code: 131026 }).reason,
    'The message could not be delivered to this number (not on WhatsApp, old app version, or the patient blocked the clinic).',
  );
  assert.match(classifyGraphError({ code: 130429 }).reason, /rate limit/);
  assert.match(classifyGraphError({ code: 190 }).reason, /access token has expired/);
  assert.match(classifyGraphError({ code: 132001 }).reason, /template/);
  assert.match(classifyGraphError({ code: 132099 }).reason, /template.*132099/);
  const unknown = classifyGraphError({ code: 424242, httpStatus: 400 });
  assert.equal(unknown.retryable, false);
  assert.match(unknown.reason, /424242/);
  for (const code of [0, 4, 100, 131026, 131047, 131056, 132000, 368]) {
    const { reason } = classifyGraphError({ code });
    assert.match(reason, /^[A-Z].*\.$/, `a sentence for ${code}`);
    assert.doesNotMatch(reason, /OAuthException|#\d/, 'no raw Graph jargon');
  }
});
