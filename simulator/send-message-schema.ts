/**
 * zod schemas for `POST /{version}/{phone-number-id}/messages`, written from Meta's Cloud API
 * reference and OpenAPI spec (v23.0): limits in CLOUD-API terms (text 4096, list ≤10 sections and
 * ≤10 rows in total, row title 24, description 72, row id 200, button label 20, ≤3 reply buttons
 * with unique titles ≤20 and ids ≤256, header/footer 60, interactive body 1024, caption 1024).
 *
 * Issues carrying `params.metaCode` choose the Graph error code; length/count issues map to
 * 131009, everything else to 100 (see parse-send-request.ts).
 */
import { z } from 'zod';

const LIMIT = { metaCode: 131009 } as const;

const text = (max: number) => z.string().min(1).max(max);

const httpUrl = z.string().refine((v) => /^https?:\/\/[^\s]+$/i.test(v), {
  message: 'must be an http(s) URL',
  params: LIMIT,
});

const mediaFields = { id: z.string().min(1).optional(), link: httpUrl.optional() };
const caption = z.string().max(1024).optional();
const filename = z.string().min(1).max(240).optional();

function exactlyOneSource(value: { id?: string; link?: string }, ctx: z.RefinementCtx): void {
  const count = (value.id === undefined ? 0 : 1) + (value.link === undefined ? 0 : 1);
  if (count !== 1) ctx.addIssue({ code: 'custom', message: 'must have exactly one of id or link', path: [] });
}

/** Media objects: exactly one of `id` (uploaded media) or `link` (http/https). */
const mediaPlain = z.strictObject(mediaFields).superRefine(exactlyOneSource);
const mediaWithCaption = z.strictObject({ ...mediaFields, caption }).superRefine(exactlyOneSource);
const mediaWithFilename = z.strictObject({ ...mediaFields, filename }).superRefine(exactlyOneSource);
const documentMedia = z.strictObject({ ...mediaFields, caption, filename }).superRefine(exactlyOneSource);

const headerText = z.strictObject({ type: z.literal('text'), text: text(60), sub_text: z.string().max(60).optional() });
const headerAny = z.discriminatedUnion('type', [
  headerText,
  z.strictObject({ type: z.literal('image'), image: mediaPlain }),
  z.strictObject({ type: z.literal('video'), video: mediaPlain }),
  z.strictObject({ type: z.literal('document'), document: mediaWithFilename }),
]);
const body = z.strictObject({ text: text(1024) });
const footer = z.strictObject({ text: text(60) });

const listRow = z.strictObject({ id: text(200), title: text(24), description: z.string().max(72).optional() });
const listSection = z.strictObject({ title: text(24).optional(), rows: z.array(listRow).min(1).max(10) });

const listInteractive = z
  .strictObject({
    type: z.literal('list'),
    header: headerText.optional(),
    body,
    footer: footer.optional(),
    action: z.strictObject({ button: text(20), sections: z.array(listSection).min(1).max(10) }),
  })
  .superRefine((value, ctx) => {
    const rows = value.action.sections.flatMap((s) => s.rows);
    if (rows.length > 10) {
      ctx.addIssue({
        code: 'custom',
        message: `has ${rows.length} rows in total; the maximum is 10`,
        path: ['action', 'sections'],
        params: LIMIT,
      });
    }
    if (value.action.sections.length > 1) {
      value.action.sections.forEach((section, i) => {
        if (section.title === undefined) {
          ctx.addIssue({
            code: 'custom',
            message: 'is required when there is more than one section',
            path: ['action', 'sections', i, 'title'],
          });
        }
      });
    }
    const seen = new Set<string>();
    for (const row of rows) {
      if (seen.has(row.id)) {
        ctx.addIssue({ code: 'custom', message: `row id '${row.id}' is not unique`, path: ['action', 'sections'], params: LIMIT });
      }
      seen.add(row.id);
    }
  });

const replyButton = z.strictObject({ type: z.literal('reply'), reply: z.strictObject({ id: text(256), title: text(20) }) });

const buttonInteractive = z
  .strictObject({
    type: z.literal('button'),
    header: headerAny.optional(),
    body,
    footer: footer.optional(),
    action: z.strictObject({ buttons: z.array(replyButton).min(1).max(3) }),
  })
  .superRefine((value, ctx) => {
    const titles = value.action.buttons.map((b) => b.reply.title.trim().toLowerCase());
    const ids = value.action.buttons.map((b) => b.reply.id);
    if (new Set(titles).size !== titles.length) {
      ctx.addIssue({ code: 'custom', message: 'button titles must be unique', path: ['action', 'buttons'], params: LIMIT });
    }
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', message: 'button ids must be unique', path: ['action', 'buttons'], params: LIMIT });
    }
  });

const ctaUrlInteractive = z.strictObject({
  type: z.literal('cta_url'),
  header: headerAny.optional(),
  body,
  footer: footer.optional(),
  action: z.strictObject({
    name: z.literal('cta_url'),
    parameters: z.strictObject({ display_text: text(20), url: httpUrl }),
  }),
});

export const interactiveSchema = z.discriminatedUnion('type', [listInteractive, buttonInteractive, ctaUrlInteractive]);

const parameterName = { parameter_name: z.string().min(1).optional() };
export const templateParameterSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text'), text: z.string().min(1).max(32768), ...parameterName }),
  z.strictObject({
    type: z.literal('currency'),
    currency: z.strictObject({ fallback_value: z.string().min(1), code: z.string().length(3), amount_1000: z.number().int() }),
    ...parameterName,
  }),
  z.strictObject({
    type: z.literal('date_time'),
    date_time: z.looseObject({ fallback_value: z.string().min(1) }),
    ...parameterName,
  }),
  z.strictObject({ type: z.literal('image'), image: mediaPlain }),
  z.strictObject({ type: z.literal('video'), video: mediaPlain }),
  z.strictObject({ type: z.literal('document'), document: mediaWithFilename }),
  z.strictObject({ type: z.literal('payload'), payload: z.string().min(1).max(1000) }),
]);

export const templateComponentSchema = z.strictObject({
  type: z.enum(['header', 'body', 'button']),
  sub_type: z.enum(['quick_reply', 'url', 'catalog', 'copy_code', 'flow']).optional(),
  index: z.union([z.string().regex(/^\d+$/), z.number().int().min(0)]).optional(),
  parameters: z.array(templateParameterSchema).optional(),
});

export const templateSchema = z.strictObject({
  name: z.string().min(1).max(512),
  language: z.strictObject({ code: z.string().min(2).max(15), policy: z.literal('deterministic').optional() }),
  components: z.array(templateComponentSchema).optional(),
});

const base = {
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.literal('individual').optional(),
  to: z.string().min(1).max(40),
  context: z.strictObject({ message_id: z.string().min(1) }).optional(),
  biz_opaque_callback_data: z.string().max(512).optional(),
};

export const sendMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('text'), text: z.strictObject({ body: text(4096), preview_url: z.boolean().optional() }) }),
  z.strictObject({ ...base, type: z.literal('image'), image: mediaWithCaption }),
  z.strictObject({ ...base, type: z.literal('video'), video: mediaWithCaption }),
  z.strictObject({ ...base, type: z.literal('audio'), audio: mediaPlain }),
  z.strictObject({ ...base, type: z.literal('sticker'), sticker: mediaPlain }),
  z.strictObject({ ...base, type: z.literal('document'), document: documentMedia }),
  z.strictObject({
    ...base,
    type: z.literal('location'),
    location: z.strictObject({
      latitude: z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]),
      longitude: z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]),
      name: z.string().max(1000).optional(),
      address: z.string().max(1000).optional(),
    }),
  }),
  z.strictObject({ ...base, type: z.literal('reaction'), reaction: z.strictObject({ message_id: z.string().min(1), emoji: z.string() }) }),
  z.strictObject({ ...base, type: z.literal('contacts'), contacts: z.array(z.looseObject({})).min(1).max(5) }),
  z.strictObject({ ...base, type: z.literal('interactive'), interactive: interactiveSchema }),
  z.strictObject({ ...base, type: z.literal('template'), template: templateSchema }),
]);

export const markReadSchema = z.strictObject({
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.literal('individual').optional(),
  status: z.literal('read'),
  message_id: z.string().min(1),
  typing_indicator: z.strictObject({ type: z.literal('text') }).optional(),
});

export type SendRequest = z.infer<typeof sendMessageSchema>;
export type MarkReadRequest = z.infer<typeof markReadSchema>;
export type InteractivePayload = z.infer<typeof interactiveSchema>;
export type TemplatePayload = z.infer<typeof templateSchema>;
export type TemplateParameter = z.infer<typeof templateParameterSchema>;
