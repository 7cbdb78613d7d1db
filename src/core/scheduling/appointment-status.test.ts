import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appointmentStatuses, blocksTime, canCancel, canChangeStatus } from './appointment-status.ts';

test('allowed status changes follow the FHIR appointment life cycle', () => {
  assert.ok(canChangeStatus('proposed', 'booked'));
  assert.ok(canChangeStatus('proposed', 'pending'));
  assert.ok(canChangeStatus('pending', 'booked'));
  assert.ok(canChangeStatus('booked', 'arrived'));
  assert.ok(canChangeStatus('arrived', 'fulfilled'));
  assert.ok(canChangeStatus('booked', 'noshow'));
  assert.ok(canChangeStatus('noshow', 'arrived'));
  assert.equal(canChangeStatus('cancelled', 'booked'), false);
  assert.equal(canChangeStatus('fulfilled', 'cancelled'), false);
  assert.equal(canChangeStatus('pending', 'arrived'), false);
  for (const status of appointmentStatuses) assert.equal(canChangeStatus(status, status), false, status);
  assert.deepEqual(appointmentStatuses.filter((s) => !blocksTime(s)), ['cancelled', 'noshow']);
});

test('the cancellation cut-off is real hours before the start, across the spring change', () => {
  // Sunday 2026-03-29 10:00 CEST (08:00 UTC). 24 hours earlier is Saturday 09:00 CET, not 10:00.
  const start = new Date('2026-03-29T08:00:00Z');
  assert.equal(canCancel(start, new Date('2026-03-28T08:00:00Z'), 24), true); // Saturday 09:00 CET
  assert.equal(canCancel(start, new Date('2026-03-28T08:00:01Z'), 24), false);
  assert.equal(canCancel(start, new Date('2026-03-28T08:30:00Z'), 24), false); // Saturday 09:30 CET
  assert.equal(canCancel(start, new Date('2026-03-29T07:59:00Z'), 0), true);
  assert.equal(canCancel(start, new Date('2026-03-29T08:01:00Z'), 0), false);
});
