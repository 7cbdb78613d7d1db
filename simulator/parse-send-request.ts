/**
 * Validates a `/messages` request body like Meta does: parameter problems → 100, values out of
 * limits → 131009, with Meta-style details (`Param interactive['action']['buttons'][0]['reply']['title'] …`).
 */
import type { z } from 'zod';
import { GraphError } from './graph-error.ts';
import { markReadSchema, sendMessageSchema } from './send-message-schema.ts';
import type { MarkReadRequest, SendRequest } from './send-message-schema.ts';

export type ParsedMessagesRequest = { kind: 'send'; request: SendRequest } | { kind: 'read'; request: MarkReadRequest };

export function parseSendRequest(body: unknown): ParsedMessagesRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new GraphError(100, { details: 'Request body must be a JSON object' });
  }
  const record = body as Record<string, unknown>;
  if (record.messaging_product === undefined) {
    throw new GraphError(100, { message: 'The parameter messaging_product is required.', details: 'The parameter messaging_product is required.' });
  }
  if ('status' in record) {
    const read = markReadSchema.safeParse(record);
    if (!read.success) throw toGraphError(read.error.issues);
    return { kind: 'read', request: read.data };
  }
  // Meta defaults `type` to text (see the OpenAPI example "Send Text Message with Preview URL").
  const withType = record.type === undefined && 'text' in record ? { ...record, type: 'text' } : record;
  const result = sendMessageSchema.safeParse(withType);
  if (!result.success) throw toGraphError(result.error.issues);
  return { kind: 'send', request: result.data };
}

type Issue = z.core.$ZodIssue;

export function toGraphError(issues: readonly Issue[]): GraphError {
  const issue = pickIssue(issues);
  if (issue === undefined) return new GraphError(100);
  const param = formatPath(issue.path);
  const details = describeIssue(issue, param);
  const metaCode = metaCodeOf(issue);
  return new GraphError(metaCode, { details });
}

/** Prefers the most specific issue (deepest in a union) so the details name the real field. */
function pickIssue(issues: readonly Issue[]): Issue | undefined {
  const first = issues[0];
  if (first?.code === 'invalid_union' && first.errors.length > 0) {
    const nested = first.errors.flat();
    const inner = pickIssue(nested);
    if (inner !== undefined) return { ...inner, path: [...first.path, ...inner.path] };
  }
  return first;
}

function metaCodeOf(issue: Issue): number {
  if (issue.code === 'custom') {
    const code = (issue.params as { metaCode?: unknown } | undefined)?.metaCode;
    return typeof code === 'number' ? code : 100;
  }
  if (issue.code === 'too_big' || issue.code === 'too_small') return 131009;
  return 100;
}

/** `interactive['action']['sections'][0]['rows']`, Meta's way of naming a parameter. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => {
      if (typeof part === 'number') return `[${part}]`;
      return i === 0 ? String(part) : `['${String(part)}']`;
    })
    .join('');
}

function describeIssue(issue: Issue, param: string): string {
  const name = param === '' ? 'The request' : `Param ${param}`;
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string'
        ? `${name} must be at most ${String(issue.maximum)} characters long.`
        : `${name} must have at most ${String(issue.maximum)} items.`;
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) <= 1
          ? `${name} must not be empty.`
          : `${name} must be at least ${String(issue.minimum)} characters long.`
        : `${name} must have at least ${String(issue.minimum)} item(s).`;
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? `The parameter ${param} is required.` : `${name} must be a ${issue.expected}.`;
    case 'unrecognized_keys':
      return `Unexpected key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')} on ${param === '' ? 'the request' : `param "${param}"`}.`;
    case 'invalid_union':
      return `${name} is invalid${'options' in issue && Array.isArray(issue.options) ? `: expected one of ${issue.options.map(String).join(', ')}` : ''}.`;
    case 'invalid_value':
      return `${name} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    default:
      return `${name} ${issue.message}`;
  }
}
