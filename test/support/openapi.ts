import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

/**
 * Test helpers for the reference material in `../shared` (beside the repository). That folder
 * exists on the project's build machines only: every test that needs it must skip when
 * `hasShared()` is false.
 */
const repoRoot = resolve(import.meta.dirname, '..', '..');

/** Absolute path of the shared reference folder (may not exist). */
export const sharedDir = resolve(repoRoot, '..', 'shared');

export function sharedPath(...parts: string[]): string {
  return join(sharedDir, ...parts);
}

export function hasShared(): boolean {
  return existsSync(sharedPath('whatsapp'));
}

const specPath = sharedPath('whatsapp', 'openapi', 'business-messaging-api_v23.0.yaml');
const schemaRef = (name: string): string => `#/components/schemas/${name}`;

type JsonObject = Record<string, unknown>;

/**
 * Validator for the JSON body of `POST /{Version}/{Phone-Number-ID}/messages`, compiled from
 * Meta's OpenAPI spec. Returns readable errors (empty = valid), or undefined when the spec file
 * is absent.
 *
 * The spec is repaired before compiling, each repair made so Meta's own request examples pass
 * (see `repairSpecSchemas`): `additionalProperties: false` inside `allOf` branches, OpenAPI
 * `discriminator` mappings that plain JSON Schema ignores, a broken template-button `index`
 * pattern and a `language.policy` the examples never send.
 */
export async function loadSendMessageValidator(): Promise<((body: unknown) => string[]) | undefined> {
  if (!existsSync(specPath)) return undefined;
  const spec = parse(await readFile(specPath, 'utf8')) as { components: { schemas: JsonObject } };
  const schemas = repairSpecSchemas(spec.components.schemas);
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  const validate = ajv.compile({ $ref: schemaRef('Message'), components: { schemas } });
  return (body) => (validate(body) ? [] : describeErrors(validate.errors ?? []));
}

// ajv-formats is CommonJS: under Node's ESM loader its default export is the function itself.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

function describeErrors(errors: ErrorObject[]): string[] {
  const lines = errors
    // `if` failures only say "must match then schema"; the `then` errors carry the detail.
    .filter((error) => error.keyword !== 'if')
    .map((error) => {
      const where = error.instancePath === '' ? '(body)' : error.instancePath;
      const extra =
        error.keyword === 'additionalProperties'
          ? ` '${String(error.params.additionalProperty)}'`
          : error.keyword === 'enum'
            ? ` ${JSON.stringify(error.params.allowedValues)}`
            : '';
      return `${where} ${error.message ?? error.keyword}${extra}`;
    });
  return [...new Set(lines)];
}

/** Returns a repaired deep copy of the spec's component schemas (the input is not changed). */
export function repairSpecSchemas(original: JsonObject): JsonObject {
  const schemas = structuredClone(original);
  const get = (name: string): JsonObject | undefined => asObject(schemas[name]);

  // 1. `allOf: [{$ref: Base}, {additionalProperties: false, properties: {...}}]` rejects every
  //    property of Base (JSON Schema evaluates each branch alone), so every valid message would
  //    fail. Let the closed branch also list its siblings' properties: unknown keys still fail.
  for (const schema of Object.values(schemas)) {
    forEachSubschema(schema, (node) => {
      const allOf = node.allOf;
      if (!Array.isArray(allOf)) return;
      const names = new Set<string>();
      for (const branch of allOf) for (const name of propertyNames(branch, schemas, 0)) names.add(name);
      for (const branch of allOf) {
        const closed = asObject(branch);
        if (closed?.additionalProperties !== false) continue;
        const properties = asObject(closed.properties) ?? {};
        for (const name of names) if (!(name in properties)) properties[name] = true;
        closed.properties = properties;
      }
    });
  }

  // 2. Template button `index` pattern `^[2-6, 11-14]$` rejects "0" and "1", the values in Meta's
  //    own examples; the description says 0-9.
  for (const schema of Object.values(schemas)) {
    forEachSubschema(schema, (node) => {
      if (node.pattern === '^[2-6, 11-14]$') node.pattern = '^[0-9]$';
    });
  }

  // 3. LanguageObject requires `policy`, which none of Meta's template examples sends.
  const language = get('LanguageObject');
  if (language !== undefined) language.required = ['code'];

  // 4. OpenAPI discriminators: plain JSON Schema ignores `discriminator`, so e.g. a template
  //    component was only checked against the generic TemplateComponent. Turn each mapping into
  //    `if type = x then $ref X`, and point the mapped schemas' `allOf` back at a copy of the
  //    base without the dispatch (otherwise base → X → base loops forever).
  for (const [name, schema] of Object.entries(schemas)) {
    const node = asObject(schema);
    const discriminator = asObject(node?.discriminator);
    const mapping = asObject(discriminator?.mapping);
    const property = discriminator?.propertyName;
    if (node === undefined || mapping === undefined || typeof property !== 'string') continue;
    const baseName = `${name}__base`;
    const base: JsonObject = { ...node };
    delete base.discriminator;
    delete base.oneOf;
    schemas[baseName] = base;
    const keys = Object.keys(mapping);
    const properties = { ...(asObject(base.properties) ?? {}) };
    properties[property] = { ...(asObject(properties[property]) ?? {}), enum: keys };
    const dispatch = keys.map((key) => ({
      if: { properties: { [property]: { const: key } }, required: [property] },
      then: { $ref: mapping[key] },
    }));
    schemas[name] = {
      ...base,
      required: [...new Set([...(asStrings(base.required) ?? []), property])],
      properties,
      allOf: [...(Array.isArray(base.allOf) ? base.allOf : []), ...dispatch],
    };
    for (const target of Object.values(mapping)) {
      const targetSchema = typeof target === 'string' ? get(target.replace('#/components/schemas/', '')) : undefined;
      if (!Array.isArray(targetSchema?.allOf)) continue;
      targetSchema.allOf = targetSchema.allOf.map((branch: unknown) =>
        asObject(branch)?.$ref === schemaRef(name) ? { $ref: schemaRef(baseName) } : branch,
      );
    }
  }
  return schemas;
}

function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

function asStrings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

function forEachSubschema(value: unknown, visit: (node: JsonObject) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) forEachSubschema(item, visit);
    return;
  }
  const node = asObject(value);
  if (node === undefined) return;
  visit(node);
  for (const child of Object.values(node)) forEachSubschema(child, visit);
}

/** Property names a schema declares, following `$ref` and `allOf`. */
function propertyNames(value: unknown, schemas: JsonObject, depth: number): string[] {
  const node = asObject(value);
  if (node === undefined || depth > 10) return [];
  const names = Object.keys(asObject(node.properties) ?? {});
  if (typeof node.$ref === 'string') {
    names.push(...propertyNames(schemas[node.$ref.replace('#/components/schemas/', '')], schemas, depth + 1));
  }
  if (Array.isArray(node.allOf)) for (const branch of node.allOf) names.push(...propertyNames(branch, schemas, depth + 1));
  return names;
}
