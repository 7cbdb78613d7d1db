/**
 * A result as a FHIR R4 DocumentReference (the exportable shape; ADR 0012). The document itself
 * is referenced by id, never inlined: export tools fetch it through the staff API.
 */
export interface ResultForExport {
  id: string;
  patientId: string;
  mimeType: string;
  byteSize: number;
  status: 'ready' | 'notified' | 'delivered';
  followUp: boolean;
  createdBy: string;
  createdAt: Date;
  deliveredAt: Date | undefined;
  note: string | undefined;
}

export interface FhirDocumentReference {
  resourceType: 'DocumentReference';
  id: string;
  status: 'current';
  docStatus: 'final';
  type: { coding: Array<{ system: string; code: string; display: string }> };
  subject: { reference: string };
  date: string;
  author: Array<{ reference?: string; display?: string }>;
  description?: string;
  content: Array<{ attachment: { contentType: string; size: number; url: string; creation: string } }>;
  extension: Array<{ url: string; valueBoolean?: boolean; valueCode?: string; valueDateTime?: string }>;
}

const EXT = 'https://hale.example.org/fhir/StructureDefinition';

export function toDocumentReference(result: ResultForExport): FhirDocumentReference {
  return {
    resourceType: 'DocumentReference',
    id: result.id,
    status: 'current',
    docStatus: 'final',
    // LOINC 11502-2: Laboratory report.
    type: { coding: [{ system: 'http://loinc.org', code: '11502-2', display: 'Laboratory report' }] },
    subject: { reference: `Patient/${result.patientId}` },
    date: result.createdAt.toISOString(),
    author: [result.createdBy.startsWith('token:') ? { display: result.createdBy } : { reference: `Practitioner/${result.createdBy}` }],
    ...(result.note === undefined ? {} : { description: result.note }),
    content: [{ attachment: { contentType: result.mimeType, size: result.byteSize, url: `/api/v1/results/${result.id}/file`, creation: result.createdAt.toISOString() } }],
    extension: [
      { url: `${EXT}/result-delivery-status`, valueCode: result.status },
      { url: `${EXT}/result-follow-up-requested`, valueBoolean: result.followUp },
      ...(result.deliveredAt === undefined ? [] : [{ url: `${EXT}/result-delivered-at`, valueDateTime: result.deliveredAt.toISOString() }]),
    ],
  };
}
