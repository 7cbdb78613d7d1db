import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IANAZone } from 'luxon';
import { offsetAt } from './offset-at.ts';
import { toInstant, toWallTime } from './to-instant.ts';

const wall = (local: string): number => Date.parse(`${local}Z`);
const iso = (instant: number): string => new Date(instant).toISOString();

test('offsets agree with luxon every 30 minutes of 2026, in zones with unusual changes', () => {
  // Madrid and New York change on different dates; St John's changes at :30 UTC; Lord Howe by
  // 30 minutes; Kolkata never.
  for (const zone of ['Europe/Madrid', 'America/New_York', 'America/St_Johns', 'Australia/Lord_Howe', 'Asia/Kolkata']) {
    const luxon = IANAZone.create(zone);
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 1_800_000) {
      if (offsetAt(zone, t) !== luxon.offset(t)) assert.fail(`${zone} at ${iso(t)}: ${offsetAt(zone, t)} ≠ ${luxon.offset(t)}`);
    }
  }
  // Right at the change, to the second.
  assert.equal(offsetAt('Europe/Madrid', Date.parse('2026-03-29T00:59:59Z')), 60);
  assert.equal(offsetAt('Europe/Madrid', Date.parse('2026-03-29T01:00:00Z')), 120);
  assert.equal(offsetAt('America/St_Johns', Date.parse('2026-03-08T05:29:59Z')), -210);
  assert.equal(offsetAt('America/St_Johns', Date.parse('2026-03-08T05:30:00Z')), -150);
});

test('an unknown zone is an invalid_input error', () => {
  assert.throws(() => offsetAt('Mars/Olympus_Mons', 0), { name: 'DomainError', code: 'invalid_input' });
});

test('Madrid spring forward (2026-03-29): the skipped hour moves forward by the gap', () => {
  assert.equal(iso(toInstant('Europe/Madrid', wall('2026-03-29T01:59'))), '2026-03-29T00:59:00.000Z'); // CET
  assert.equal(iso(toInstant('Europe/Madrid', wall('2026-03-29T02:00'))), '2026-03-29T01:00:00.000Z'); // = 03:00 CEST
  assert.equal(iso(toInstant('Europe/Madrid', wall('2026-03-29T02:30'))), '2026-03-29T01:30:00.000Z'); // = 03:30 CEST
  assert.equal(iso(toInstant('Europe/Madrid', wall('2026-03-29T03:00'))), '2026-03-29T01:00:00.000Z');
  assert.equal(iso(toInstant('Europe/Madrid', wall('2026-03-29T08:00'))), '2026-03-29T06:00:00.000Z');
  assert.equal(iso(toInstant('Europe/Madrid', wall('2026-03-28T08:00'))), '2026-03-28T07:00:00.000Z');
});

test('Madrid fall back (2026-10-25): the repeated hour means its first occurrence, whatever today is', () => {
  assert.equal(iso(toInstant('Europe/Madrid', wall('2026-10-25T01:59'))), '2026-10-24T23:59:00.000Z');
  assert.equal(iso(toInstant('Europe/Madrid', wall('2026-10-25T02:00'))), '2026-10-25T00:00:00.000Z'); // CEST
  assert.equal(iso(toInstant('Europe/Madrid', wall('2026-10-25T02:59'))), '2026-10-25T00:59:00.000Z'); // CEST
  assert.equal(iso(toInstant('Europe/Madrid', wall('2026-10-25T03:00'))), '2026-10-25T02:00:00.000Z'); // CET
  assert.equal(iso(toInstant('Europe/Madrid', wall('2026-10-25T08:00'))), '2026-10-25T07:00:00.000Z');
});

test('New York changes on other dates (2026-03-08 and 2026-11-01)', () => {
  assert.equal(iso(toInstant('America/New_York', wall('2026-03-07T09:00'))), '2026-03-07T14:00:00.000Z');
  assert.equal(iso(toInstant('America/New_York', wall('2026-03-08T02:30'))), '2026-03-08T07:30:00.000Z'); // = 03:30 EDT
  assert.equal(iso(toInstant('America/New_York', wall('2026-03-09T09:00'))), '2026-03-09T13:00:00.000Z');
  assert.equal(iso(toInstant('America/New_York', wall('2026-11-01T01:30'))), '2026-11-01T05:30:00.000Z'); // EDT, first
  assert.equal(iso(toInstant('America/New_York', wall('2026-11-02T09:00'))), '2026-11-02T14:00:00.000Z');
});

test('wall time and instant round-trip outside the skipped hour', () => {
  for (const zone of ['Europe/Madrid', 'America/New_York', 'Australia/Lord_Howe']) {
    for (let t = Date.UTC(2026, 2, 1); t < Date.UTC(2026, 3, 15); t += 7 * 60_000) {
      const back = toInstant(zone, toWallTime(zone, t));
      // Only the second occurrence of a repeated hour maps back to the first one.
      if (back !== t) assert.equal(toWallTime(zone, back), toWallTime(zone, t), `${zone} ${iso(t)}`);
    }
  }
  assert.equal(iso(toWallTime('Europe/Madrid', Date.parse('2026-10-25T01:30:00Z'))), '2026-10-25T02:30:00.000Z'); // second 02:30 (CET)
});
