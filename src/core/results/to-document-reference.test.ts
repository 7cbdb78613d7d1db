import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toDocumentReference } from './to-document-reference.ts';

test('a result as a FHIR DocumentReference: subject, author, attachment by URL, delivery as extensions', () => {
  const created = new Date('2026-11-30T09:00:00Z');
  const doc = toDocumentReference({
    id: 'r1',
    patientId: 'p1',
    mimeType: 'application/pdf',
    byteSize: 1234,
    status: 'delivered',
    followUp: true,
    createdBy: 'u1',
    createdAt: created,
    deliveredAt: new Date('2026-11-30T10:00:00Z'),
    note: 'See you soon',
  });
  assert.equal(doc.resourceType, 'DocumentReference');
  assert.equal(doc.subject.reference, 'Patient/p1');
  assert.deepEqual(doc.author, [{ reference: 'Practitioner/u1' }]);
  assert.equal(doc.type.coding[0]?.code, '11502-2');
  assert.deepEqual(doc.content[0]?.attachment, { contentType: 'application/pdf', size: 1234, url: '/api/v1/results/r1/file', creation: created.toISOString() });
  assert.equal(doc.description, 'See you soon');
  assert.deepEqual(doc.extension.map((e) => e.valueCode ?? e.valueBoolean ?? e.valueDateTime), ['delivered', true, '2026-11-30T10:00:00.000Z']);
  const byToken = toDocumentReference({ id: 'r2', patientId: 'p1', mimeType: 'image/png', byteSize: 9, status: 'ready', followUp: false, createdBy: 'token:t1', createdAt: created, deliveredAt: undefined, note: undefined });
  assert.deepEqual(byToken.author, [{ display: 'token:t1' }]);
  assert.equal(byToken.description, undefined);
  assert.equal(byToken.extension.length, 2);
});
