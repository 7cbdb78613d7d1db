/**
 * Approved message templates, loaded from a YAML file (format: templates.example.yaml), and the
 * checks Meta applies when a template is sent: unknown name/language → 132001, paused/disabled →
 * 132015/132016, wrong parameter count → 132000, wrong header format → 132012.
 */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { GraphError } from './graph-error.ts';
import type { TemplateParameter, TemplatePayload } from './send-message-schema.ts';

const buttonSchema = z.strictObject({
  type: z.enum(['quick_reply', 'url', 'phone_number']),
  text: z.string().min(1).max(25),
  url: z.string().optional(),
  phone_number: z.string().optional(),
});

const translationSchema = z.strictObject({
  header: z
    .strictObject({ format: z.enum(['text', 'image', 'document', 'video']), text: z.string().max(60).optional() })
    .optional(),
  body: z.string().min(1).max(1024),
  footer: z.string().max(60).optional(),
  buttons: z.array(buttonSchema).max(10).optional(),
});

const fileSchema = z.strictObject({
  templates: z.array(
    z.strictObject({
      name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'lowercase letters, digits and _ only'),
      category: z.enum(['utility', 'marketing', 'authentication']).default('utility'),
      status: z.enum(['approved', 'paused', 'disabled', 'pending', 'rejected']).default('approved'),
      languages: z.record(z.string().min(2), translationSchema),
    }),
  ),
});

export type TemplateCategory = 'utility' | 'marketing' | 'authentication';
export type TemplateTranslation = z.infer<typeof translationSchema>;

export interface TemplateDefinition {
  name: string;
  category: TemplateCategory;
  status: 'approved' | 'paused' | 'disabled' | 'pending' | 'rejected';
  language: string;
  translation: TemplateTranslation;
}

export interface RenderedButton {
  index: number;
  type: 'quick_reply' | 'url' | 'phone_number';
  text: string;
  /** What a tap sends back (`button.payload`): the payload Hale set, else the button text. */
  payload?: string;
  url?: string;
}

export interface RenderedTemplate {
  name: string;
  language: string;
  category: TemplateCategory;
  header?: { format: 'text' | 'image' | 'document' | 'video'; text?: string; media?: { id?: string; link?: string; filename?: string } };
  body: string;
  footer?: string;
  buttons: RenderedButton[];
}

export class TemplateRegistry {
  private readonly byKey = new Map<string, TemplateDefinition>();

  constructor(definitions: TemplateDefinition[]) {
    for (const d of definitions) this.byKey.set(`${d.name}\u0000${d.language}`, d);
  }

  list(): TemplateDefinition[] {
    return [...this.byKey.values()];
  }

  find(name: string, language: string): TemplateDefinition | undefined {
    return this.byKey.get(`${name}\u0000${language}`);
  }

  /** Checks a send-template payload against the approved template and renders it; throws GraphError. */
  render(payload: TemplatePayload): RenderedTemplate {
    const def = this.find(payload.name, payload.language.code);
    if (def === undefined) {
      throw new GraphError(132001, {
        details: `template name (${payload.name}) does not exist in ${payload.language.code}`,
      });
    }
    if (def.status === 'paused') throw new GraphError(132015, { details: `Template ${def.name} is paused due to low quality.` });
    if (def.status === 'disabled') throw new GraphError(132016, { details: `Template ${def.name} is disabled due to low quality.` });
    if (def.status !== 'approved') {
      throw new GraphError(132001, { details: `template name (${def.name}) in ${def.language} is not approved (status ${def.status})` });
    }
    const components = payload.components ?? [];
    const t = def.translation;
    const rendered: RenderedTemplate = { name: def.name, language: def.language, category: def.category, body: '', buttons: [] };

    const headers = components.filter((c) => c.type === 'header');
    const bodies = components.filter((c) => c.type === 'body');
    if (headers.length > 1 || bodies.length > 1) {
      throw new GraphError(100, { details: 'Param template[\'components\'] must have at most one header and one body component.' });
    }
    const headerParams = headers[0]?.parameters ?? [];
    if (t.header === undefined) {
      if (headerParams.length > 0) throw countMismatch('header', headerParams.length, 0);
    } else if (t.header.format === 'text') {
      const text = t.header.text ?? '';
      rendered.header = { format: 'text', text: fillPlaceholders(text, headerParams, 'header') };
    } else {
      if (headerParams.length !== 1) throw countMismatch('header', headerParams.length, 1);
      const param = headerParams[0] as TemplateParameter;
      if (param.type !== t.header.format) {
        throw new GraphError(132012, {
          details: `header: parameter of type ${param.type} does not match the template's ${t.header.format} header`,
        });
      }
      const media = param.type === 'image' ? param.image : param.type === 'video' ? param.video : param.type === 'document' ? param.document : undefined;
      rendered.header = { format: t.header.format, ...(media ? { media } : {}) };
    }

    rendered.body = fillPlaceholders(t.body, bodies[0]?.parameters ?? [], 'body');
    if (t.footer !== undefined) rendered.footer = t.footer;

    const templateButtons = t.buttons ?? [];
    rendered.buttons = templateButtons.map((b, index) => ({
      index,
      type: b.type,
      text: b.text,
      ...(b.type === 'quick_reply' ? { payload: b.text } : {}),
      ...(b.url === undefined ? {} : { url: b.url }),
    }));
    for (const component of components.filter((c) => c.type === 'button')) {
      if (component.sub_type === undefined || component.index === undefined) {
        throw new GraphError(100, { details: 'Param template[\'components\'][\'button\'] requires sub_type and index.' });
      }
      const index = Number(component.index);
      const target = rendered.buttons[index];
      if (target === undefined || target.type !== component.sub_type) {
        throw new GraphError(131009, {
          details: `button at index ${index} of type ${component.sub_type} does not exist in template ${def.name}`,
        });
      }
      const params = component.parameters ?? [];
      if (target.type === 'quick_reply') {
        const first = params[0];
        if (params.length !== 1 || first?.type !== 'payload') throw countMismatch(`buttons[${index}]`, params.length, 1);
        target.payload = first.payload;
      } else if (target.type === 'url') {
        const url = templateButtons[index]?.url ?? '';
        target.url = fillPlaceholders(url, params, `buttons[${index}]`);
      }
    }
    return rendered;
  }
}

function countMismatch(where: string, got: number, expected: number): GraphError {
  return new GraphError(132000, {
    details: `${where}: number of localizable_params (${got}) does not match the expected number of params (${expected})`,
  });
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

function parameterText(p: TemplateParameter | { type: string }): string | undefined {
  if ('text' in p && typeof p.text === 'string') return p.text;
  if ('currency' in p) return p.currency.fallback_value;
  if ('date_time' in p) return p.date_time.fallback_value;
  return undefined;
}

/** Replaces {{1}}… (positional, in order) or {{name}} (with parameter_name) with parameter values. */
function fillPlaceholders(text: string, params: readonly TemplateParameter[], where: string): string {
  const names = placeholdersOf(text);
  if (params.length !== names.length) throw countMismatch(where, params.length, names.length);
  const values = new Map<string, string>();
  const positional = names.every((n) => /^\d+$/.test(n));
  params.forEach((p, i) => {
    const value = parameterText(p);
    if (value === undefined) {
      throw new GraphError(132012, { details: `${where}: parameter ${i + 1} of type ${p.type} is not allowed here` });
    }
    const name = positional ? String(i + 1) : 'parameter_name' in p ? p.parameter_name : undefined;
    if (name === undefined || !names.includes(name)) {
      throw new GraphError(100, { details: `${where}: parameter ${i + 1} needs a parameter_name matching one of ${names.join(', ')}` });
    }
    values.set(name, value);
  });
  return text.replace(PLACEHOLDER, (_, name: string) => values.get(name) ?? `{{${name}}}`);
}

/** Parses the YAML text of a templates file; throws an Error naming the bad field. */
export function parseTemplateFile(yamlText: string, source = 'templates file'): TemplateRegistry {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (err) {
    throw new Error(`${source}: not valid YAML (${(err as Error).message})`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`${source}: invalid template definitions\n  ${lines.join('\n  ')}`);
  }
  const defs: TemplateDefinition[] = [];
  for (const tpl of parsed.data.templates) {
    for (const [language, translation] of Object.entries(tpl.languages)) {
      defs.push({ name: tpl.name, category: tpl.category, status: tpl.status, language, translation });
    }
  }
  return new TemplateRegistry(defs);
}

export async function loadTemplateRegistry(file: string): Promise<TemplateRegistry> {
  const text = await readFile(file, 'utf8');
  return parseTemplateFile(text, file);
}
