/** docs/clinic-config.md must document every key of the schema, so the two cannot drift apart. */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { z } from 'zod';
import { clinicConfigSchema } from '../../core/clinic/clinic-config.ts';

/** Object keys inside defaults, optionals, lists and records; undefined when not an object. */
function objectKeys(schema: z.ZodType): string[] | undefined {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional) return objectKeys(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodArray) return objectKeys(schema.element as z.ZodType);
  if (schema instanceof z.ZodRecord) return objectKeys(schema._zod.def.valueType as z.ZodType);
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  return undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('docs/clinic-config.md names every top-level and second-level key of the schema', async () => {
  const doc = await readFile(path.resolve(import.meta.dirname, '../../../docs/clinic-config.md'), 'utf8');
  const missing: string[] = [];
  for (const [key, child] of Object.entries(clinicConfigSchema.shape)) {
    if (!doc.includes(`\`${key}\``)) missing.push(key);
    for (const sub of objectKeys(child as z.ZodType) ?? []) {
      // `clinic.name`, `faq[].id`, `templates.<purpose>.name`
      const written = new RegExp(`\`${escape(key)}(\\[\\]|\\.<[a-z]+>)?\\.${escape(sub)}\``);
      if (!written.test(doc)) missing.push(`${key}.${sub}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('every service key is documented too', async () => {
  const doc = await readFile(path.resolve(import.meta.dirname, '../../../docs/clinic-config.md'), 'utf8');
  const services = objectKeys(clinicConfigSchema.shape.departments.unwrap().element.shape.services) ?? [];
  assert.ok(services.length > 0);
  for (const key of services) assert.ok(doc.includes(`| \`${key}\` |`), key);
});
