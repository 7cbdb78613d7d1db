/** Checks of `POST /{phone-number-id}/media` uploads: Meta's supported types and size caps. */
import { createHash } from 'node:crypto';
import { GraphError } from './graph-error.ts';
import { makeMediaId } from './make-wamid.ts';
import type { MediaItem } from './simulator-store.ts';

const MB = 1024 * 1024;

/** Supported MIME types and their size caps (CLOUD-API.md §0, §3.11). */
export const SUPPORTED_MEDIA: Record<string, number> = {
  'audio/aac': 16 * MB,
  'audio/amr': 16 * MB,
  'audio/mpeg': 16 * MB,
  'audio/mp4': 16 * MB,
  'audio/ogg': 16 * MB,
  'image/jpeg': 5 * MB,
  'image/png': 5 * MB,
  'image/webp': 500 * 1024,
  'video/mp4': 16 * MB,
  'video/3gpp': 16 * MB,
  'text/plain': 100 * MB,
  'application/pdf': 100 * MB,
  'application/msword': 100 * MB,
  'application/vnd.ms-excel': 100 * MB,
  'application/vnd.ms-powerpoint': 100 * MB,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 100 * MB,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 100 * MB,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 100 * MB,
};

export const MAX_UPLOAD_BYTES = 100 * MB;

export function buildUploadedMedia(input: {
  messagingProduct: string | undefined;
  mimeType: string | undefined;
  bytes: Buffer | undefined;
  filename?: string;
  phoneNumberId: string;
  now: number;
}): MediaItem {
  if (input.messagingProduct !== 'whatsapp') {
    throw new GraphError(100, { details: 'The parameter messaging_product is required and must be "whatsapp".' });
  }
  if (input.bytes === undefined) throw new GraphError(100, { details: 'The parameter file is required.' });
  const mimeType = (input.mimeType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const cap = SUPPORTED_MEDIA[mimeType === 'audio/ogg' ? 'audio/ogg' : mimeType];
  if (cap === undefined) {
    throw new GraphError(100, {
      details: `Param file must be a file with one of the following types: ${Object.keys(SUPPORTED_MEDIA).join(', ')}. Received file of type '${mimeType || 'unknown'}'.`,
    });
  }
  if (input.bytes.length === 0) throw new GraphError(131053, { details: 'Media upload error: the file is empty.' });
  if (input.bytes.length > cap) {
    throw new GraphError(131053, { details: `Media file size too big. Max file size we currently support for ${mimeType}: ${cap} bytes.` });
  }
  return {
    id: makeMediaId(),
    mimeType: input.mimeType?.trim() || mimeType,
    bytes: input.bytes,
    sha256: createHash('sha256').update(input.bytes).digest('base64'),
    ...(input.filename ? { filename: input.filename } : {}),
    phoneNumberId: input.phoneNumberId,
    createdAt: input.now,
  };
}
