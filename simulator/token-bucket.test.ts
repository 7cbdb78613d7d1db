import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TokenBucket } from './token-bucket.ts';

test('allows a burst of `capacity`, then refills over time', () => {
  const bucket = new TokenBucket(45, 1 / 6, 0);
  for (let i = 0; i < 45; i += 1) assert.equal(bucket.tryTake(0), true);
  assert.equal(bucket.tryTake(0), false);
  assert.equal(bucket.tryTake(5_999), false);
  assert.equal(bucket.tryTake(6_000), true, 'Meta pair rate: one more message after 6 s');
  assert.equal(bucket.tryTake(6_000), false);
});

test('reconfigure starts full with the new limits', () => {
  const bucket = new TokenBucket(80, 80, 0);
  for (let i = 0; i < 80; i += 1) bucket.tryTake(0);
  bucket.reconfigure(2, 2);
  assert.equal(bucket.tryTake(0), true);
  assert.equal(bucket.tryTake(0), true);
  assert.equal(bucket.tryTake(0), false);
});
