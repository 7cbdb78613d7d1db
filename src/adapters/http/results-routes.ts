/**
 * Results API (ADR 0012): staff upload a result for a patient (multipart: `file` plus `note`
 * and `followUp`), list a patient's results with the chat identity check's state, open the
 * stored file, export FHIR DocumentReferences, and lift a lockout. The file's type is taken
 * from its bytes (magic numbers), never from the name or the browser's claim; sizes are capped.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import type { AuditEntry } from '../../app/ports.ts';
import type { ResultMimeType } from '../../app/results-ports.ts';
import type { StaffPrincipal } from '../../app/staff/staff-ports.ts';
import { resultLimits, resultMimeTypes, resultUploadFieldsSchema } from '../../contracts/results-api.ts';
import { DomainError } from '../../core/domain-error.ts';
import type { StaffRole } from '../../core/staff/staff-role.ts';
import { principalOf } from './staff-auth.ts';

/** Attaching and reading results (clinical documents): clinicians and admins. */
const CLINICAL: readonly StaffRole[] = ['admin', 'clinician'];
/** Seeing whether results were delivered, and lifting a lockout after checking identity at the desk: all staff. */
const ALL_STAFF: readonly StaffRole[] = ['admin', 'agent', 'clinician'];

type Actor = Pick<AuditEntry, 'actorType' | 'actorId'>;

export interface ResultsRouteDeps {
  upload(input: { patientId: string; actor: Actor; createdBy: string; bytes: Uint8Array; mimeType: ResultMimeType; fileName: string | undefined; note: string | undefined; followUp: boolean }): Promise<unknown>;
  list(input: { patientId: string; actor: Actor; includeNotes: boolean }): Promise<unknown>;
  exportFhir(input: { patientId: string; actor: Actor }): Promise<unknown>;
  openFile(input: { resultId: string; actor: Actor }): Promise<{ bytes: Buffer; mimeType: string }>;
  unlock(input: { patientId: string; actor: Actor; unlockedBy: string }): Promise<unknown>;
  reoffer(input: { resultId: string; actor: Actor }): Promise<unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function registerResultsRoutes(app: FastifyInstance, deps: ResultsRouteDeps): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: resultLimits.pdfBytes, files: 1, fields: 4, parts: 6, fieldSize: 8 * 1024 } });

    scope.post('/api/v1/patients/:id/results', { config: { roles: CLINICAL } }, async (request, reply) => {
      const patientId = uuidParam(request);
      const form = await readUpload(request);
      const parsed = resultUploadFieldsSchema.safeParse(form.fields);
      if (!parsed.success) {
        throw new DomainError('invalid_input', 'invalid upload fields', { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
      }
      const mimeType = await sniff(form.bytes);
      const cap = mimeType === 'application/pdf' ? resultLimits.pdfBytes : resultLimits.imageBytes;
      if (form.bytes.byteLength > cap) throw new DomainError('invalid_input', `the file is too large (at most ${cap / 1024 / 1024} MB for this type)`);
      const principal = principalOf(request);
      const created = await deps.upload({
        patientId,
        actor: actorOf(principal),
        createdBy: staffIdOf(principal),
        bytes: form.bytes,
        mimeType,
        fileName: form.fileName,
        note: parsed.data.note,
        followUp: parsed.data.followUp,
      });
      return reply.code(201).send(created);
    });
  });

  app.get('/api/v1/patients/:id/results', { config: { roles: ALL_STAFF } }, async (request) => {
    const principal = principalOf(request);
    return deps.list({ patientId: uuidParam(request), actor: actorOf(principal), includeNotes: CLINICAL.includes(principal.role) });
  });

  app.get('/api/v1/patients/:id/results/fhir', { config: { roles: CLINICAL } }, async (request) => deps.exportFhir({ patientId: uuidParam(request), actor: actorOf(principalOf(request)) }));

  app.get('/api/v1/results/:id/file', { config: { roles: CLINICAL } }, async (request, reply) => {
    const file = await deps.openFile({ resultId: uuidParam(request), actor: actorOf(principalOf(request)) });
    return reply
      .type(file.mimeType)
      .header('content-disposition', 'inline')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('cache-control', 'private, no-store')
      .send(file.bytes);
  });

  app.post('/api/v1/results/:id/reoffer', { config: { roles: CLINICAL } }, async (request) => deps.reoffer({ resultId: uuidParam(request), actor: actorOf(principalOf(request)) }));

  app.post('/api/v1/patients/:id/identity-verification/unlock', { config: { roles: ALL_STAFF } }, async (request) => {
    const principal = principalOf(request);
    return deps.unlock({ patientId: uuidParam(request), actor: actorOf(principal), unlockedBy: staffIdOf(principal) });
  });
}

async function readUpload(request: FastifyRequest): Promise<{ bytes: Buffer; fileName: string | undefined; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw new DomainError('invalid_input', 'upload the result as multipart/form-data with a `file` part');
  const fields: Record<string, string> = {};
  let file: { bytes: Buffer; fileName: string | undefined } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file !== undefined) throw new DomainError('invalid_input', 'send exactly one file, in the `file` part');
        file = { bytes: await part.toBuffer(), fileName: part.filename === '' ? undefined : part.filename.slice(0, 200) };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError('invalid_input', `the file is too large (at most ${resultLimits.pdfBytes / 1024 / 1024} MB)`);
    if (typeof code === 'string' && code.startsWith('FST_')) throw new DomainError('invalid_input', 'the upload could not be read (too many parts or fields too long)');
    throw error;
  }
  if (file === undefined || file.bytes.byteLength === 0) throw new DomainError('invalid_input', 'a non-empty `file` part is required');
  return { ...file, fields };
}

/** The type by the file's first bytes: PDF, JPEG or PNG only. */
async function sniff(bytes: Buffer): Promise<ResultMimeType> {
  const detected = await fileTypeFromBuffer(bytes);
  const mime = detected?.mime;
  if (mime === undefined || !(resultMimeTypes as readonly string[]).includes(mime)) {
    throw new DomainError('invalid_input', 'only PDF, JPEG and PNG files can be sent to patients (checked by the file content)');
  }
  return mime as ResultMimeType;
}

function actorOf(p: StaffPrincipal): Actor {
  return p.userId !== undefined ? { actorType: 'staff', actorId: p.userId } : { actorType: 'integration', ...(p.tokenId === undefined ? {} : { actorId: p.tokenId }) };
}

function staffIdOf(p: StaffPrincipal): string {
  return p.userId ?? `token:${p.tokenId ?? 'unknown'}`;
}

function uuidParam(request: FastifyRequest): string {
  const id = (request.params as { id?: unknown }).id;
  if (typeof id !== 'string' || !UUID.test(id)) throw new DomainError('invalid_input', 'the id in the path is not a valid id');
  return id;
}
