import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextDeliveryStatus } from './next-delivery-status.ts';

test('moves forward through sent, delivered, read', () => {
  assert.equal(nextDeliveryStatus('accepted', 'sent'), 'sent');
  assert.equal(nextDeliveryStatus('sent', 'delivered'), 'delivered');
  assert.equal(nextDeliveryStatus('delivered', 'read'), 'read');
  assert.equal(nextDeliveryStatus('sent', 'read'), 'read', 'delivered may be skipped');
  assert.equal(nextDeliveryStatus('queued', 'delivered'), 'delivered', 'a status can beat the send response');
});

test('a late or duplicate status never downgrades', () => {
  assert.equal(nextDeliveryStatus('read', 'delivered'), undefined);
  assert.equal(nextDeliveryStatus('read', 'sent'), undefined);
  assert.equal(nextDeliveryStatus('delivered', 'delivered'), undefined);
  assert.equal(nextDeliveryStatus('read', 'played'), undefined);
  assert.equal(nextDeliveryStatus('delivered', 'played'), 'read');
});

test('failed wins before delivery and is final', () => {
  assert.equal(nextDeliveryStatus('sent', 'failed'), 'failed');
  assert.equal(nextDeliveryStatus('accepted', 'failed'), 'failed');
  assert.equal(nextDeliveryStatus('delivered', 'failed'), undefined);
  assert.equal(nextDeliveryStatus('failed', 'delivered'), undefined);
  assert.equal(nextDeliveryStatus('failed', 'read'), undefined);
});
