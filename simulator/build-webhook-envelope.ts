/**
 * Webhook payloads exactly in Meta's envelope:
 * object / entry[id = WABA id] / changes[field "messages"] / value{messaging_product, metadata,
 * contacts, messages | statuses}. Serialized like Meta: non-ASCII escaped as \uXXXX.
 */
import { createHmac } from 'node:crypto';

export interface BusinessIdentity {
  wabaId: string;
  displayPhoneNumber: string;
  phoneNumberId: string;
}

export interface WebhookContact {
  profile?: { name: string };
  wa_id: string;
  user_id?: string;
}

export type WebhookMessage = Record<string, unknown> & { from: string; id: string; timestamp: string; type: string };

export interface WebhookStatus {
  id: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  timestamp: string;
  recipient_id: string;
  recipient_user_id?: string;
  biz_opaque_callback_data?: string;
  pricing?: { billable: boolean; pricing_model: 'PMP'; type: string; category: string };
  errors?: Array<{ code: number; title: string; message: string; error_data: { details: string }; href: string }>;
}

export interface WebhookEnvelope {
  object: 'whatsapp_business_account';
  entry: Array<{
    id: string;
    changes: Array<{
      value: {
        messaging_product: 'whatsapp';
        metadata: { display_phone_number: string; phone_number_id: string };
        contacts?: WebhookContact[];
        messages?: WebhookMessage[];
        statuses?: WebhookStatus[];
      };
      field: 'messages';
    }>;
  }>;
}

function envelope(business: BusinessIdentity, value: Omit<WebhookEnvelope['entry'][number]['changes'][number]['value'], 'messaging_product' | 'metadata'>): WebhookEnvelope {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: business.wabaId,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: business.displayPhoneNumber, phone_number_id: business.phoneNumberId },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

export function buildMessageEnvelope(business: BusinessIdentity, contact: WebhookContact, message: WebhookMessage): WebhookEnvelope {
  return envelope(business, { contacts: [contact], messages: [message] });
}

/** Status updates; `failed` statuses carry no contacts block (as Meta's). */
export function buildStatusEnvelope(business: BusinessIdentity, status: WebhookStatus, contact?: WebhookContact): WebhookEnvelope {
  return envelope(business, status.status === 'failed' || contact === undefined ? { statuses: [status] } : { contacts: [contact], statuses: [status] });
}

/** Every non-ASCII UTF-16 unit escaped as \uXXXX (lowercase hex), as Meta's payloads carry it. */
export function escapeNonAscii(text: string): string {
  return text.replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** JSON as Meta sends it: compact, non-ASCII escaped. */
export function toMetaJson(value: unknown): string {
  return escapeNonAscii(JSON.stringify(value));
}

/** `sha256=<hex HMAC-SHA256(appSecret, raw bytes)>`, the X-Hub-Signature-256 header. */
export function signWebhookBody(appSecret: string, raw: Buffer | string): string {
  return `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;
}
