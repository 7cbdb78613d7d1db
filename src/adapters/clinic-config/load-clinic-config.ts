/**
 * Reads the clinic's YAML file (CLINIC_CONFIG, else the bundled demo), validates it with the core
 * schema and hands back one deep-frozen object. Every problem is reported on its own line, naming
 * the file and the key, so an operator can fix them all in one go.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { clinicConfigSchema, type ClinicConfig } from '../../core/clinic/clinic-config.ts';

/** Absolute path of the demo clinic shipped with Hale (config/demo-clinic.yaml). */
export const demoClinicConfigPath = path.resolve(import.meta.dirname, '../../../config/demo-clinic.yaml');

export class ClinicConfigError extends Error {
  /** One line per problem: `file: path: problem`. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ClinicConfigError';
    this.problems = problems;
  }
}

export async function loadClinicConfig(file: string): Promise<ClinicConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new ClinicConfigError([`${file}: cannot read the file (${code})`]);
  }

  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ClinicConfigError(
      doc.errors.map((e) => {
        const at = e.linePos?.[0];
        const where = at === undefined ? '' : `line ${at.line}, column ${at.col}: `;
        return `${file}: ${where}${firstLine(e.message)}`;
      }),
    );
  }
  const raw: unknown = doc.toJS();
  if (raw === null || raw === undefined) throw new ClinicConfigError([`${file}: the file is empty`]);

  const parsed = clinicConfigSchema.safeParse(raw);
  if (!parsed.success) throw new ClinicConfigError(parsed.error.issues.flatMap((issue) => toProblems(file, issue)));
  return deepFreeze(parsed.data);
}

function toProblems(file: string, issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `${file}: ${formatPath([...issue.path, key])}: unknown key (check the spelling; docs/clinic-config.md lists every key)`);
  }
  const missing = issue.code === 'invalid_type' && issue.input === undefined;
  return [`${file}: ${formatPath(issue.path)}: ${missing ? 'is required' : issue.message}`];
}

/** ['openingHours', 'mon', 0, 'close'] → `openingHours.mon[0].close`. */
function formatPath(segments: readonly PropertyKey[]): string {
  if (segments.length === 0) return '(top level)';
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** yaml's pretty message repeats the position and adds a code frame; keep the sentence only. */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
