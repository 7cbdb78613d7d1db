/** Options accepted by createSimulator and the resolved, mutable runtime config. */

export interface PairLimit {
  /** Messages that may be sent to one recipient in a burst. */
  capacity: number;
  /** Tokens regained per second. Meta: 1 message per 6 s (1/6). */
  refillPerSecond: number;
}

export interface RetryPolicy {
  /** Delay before the first retry; later retries wait longer (×factor), like Meta's "decreasing frequency". */
  baseMs: number;
  factor: number;
  maxDelayMs: number;
  /** Attempts in total (first delivery included) before a delivery is dropped. */
  maxAttempts: number;
}

export interface SimulatorOptions {
  webhookUrl: string;
  appSecret: string;
  accessToken: string;
  phoneNumberId: string;
  displayPhoneNumber?: string;
  wabaId?: string;
  apiVersion?: string;
  /** Messages per second allowed for the business number (Meta default 80). */
  mps?: number;
  templatesFile?: string;
  logger?: boolean;
  /** Shown in the phone UI as the chat name. */
  businessName?: string;
  pairLimit?: PairLimit;
  retry?: RetryPolicy;
  /** Delay between the send response and its `sent` status webhook. */
  statusDelayMs?: number;
  webhookTimeoutMs?: number;
  /** Most webhook deliveries waiting at once (all personas); more are dropped and counted. */
  maxPendingDeliveries?: number;
  /** How a free-form send outside the 24-hour window fails: sync HTTP 400 (default) or a `failed` status. */
  windowErrorMode?: 'sync' | 'status';
  /** Clock, for tests. */
  now?: () => number;
}

export interface SimulatorConfig {
  webhookUrl: string;
  appSecret: string;
  accessToken: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  wabaId: string;
  apiVersion: string;
  mps: number;
  templatesFile: string;
  logger: boolean;
  businessName: string;
  pairLimit: PairLimit;
  retry: RetryPolicy;
  statusDelayMs: number;
  webhookTimeoutMs: number;
  maxPendingDeliveries: number;
  windowErrorMode: 'sync' | 'status';
  now: () => number;
}

export const DEFAULT_TEMPLATES_FILE = new URL('./templates.example.yaml', import.meta.url).pathname;

export function resolveSimulatorConfig(options: SimulatorOptions): SimulatorConfig {
  const missing = (['webhookUrl', 'appSecret', 'accessToken', 'phoneNumberId'] as const).filter((k) => !options[k]);
  if (missing.length > 0) throw new Error(`createSimulator: missing option(s) ${missing.join(', ')}`);
  return {
    webhookUrl: options.webhookUrl,
    appSecret: options.appSecret,
    accessToken: options.accessToken,
    phoneNumberId: options.phoneNumberId,
    displayPhoneNumber: options.displayPhoneNumber ?? '15550783881',
    wabaId: options.wabaId ?? '102290129340398',
    apiVersion: options.apiVersion ?? 'v23.0',
    mps: options.mps ?? 80,
    templatesFile: options.templatesFile ?? DEFAULT_TEMPLATES_FILE,
    logger: options.logger ?? false,
    businessName: options.businessName ?? 'Hale Clinic',
    pairLimit: options.pairLimit ?? { capacity: 45, refillPerSecond: 45 / 6 },
    retry: options.retry ?? { baseMs: 1000, factor: 3, maxDelayMs: 5 * 60_000, maxAttempts: 8 },
    statusDelayMs: options.statusDelayMs ?? 150,
    webhookTimeoutMs: options.webhookTimeoutMs ?? 10_000,
    maxPendingDeliveries: options.maxPendingDeliveries ?? 20_000,
    windowErrorMode: options.windowErrorMode ?? 'sync',
    now: options.now ?? Date.now,
  };
}
