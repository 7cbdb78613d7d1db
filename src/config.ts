/**
 * The only place Hale reads process.env. Parsed once at boot, frozen, and every bad value is
 * reported on its own line so an operator can fix them all in one go.
 */
import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const port = z.coerce.number().int().min(0).max(65535);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^(postgres(ql)?:\/\/|memory:\/\/)/, 'must start with postgres://, postgresql:// or be memory://')
      .optional(),
  ),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  WHATSAPP_API_URL: z.url({ protocol: /^https?$/ }).default('https://graph.facebook.com'),
  WHATSAPP_API_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, 'must look like v23.0')
    .default('v23.0'),
  WHATSAPP_PHONE_NUMBER_ID: optionalString.pipe(z.string().regex(/^\d+$/, 'must be the numeric phone number id').optional()),
  WHATSAPP_ACCESS_TOKEN: optionalString,
  WHATSAPP_APP_SECRET: optionalString,
  WHATSAPP_VERIFY_TOKEN: optionalString,
  WHATSAPP_MPS: z.coerce.number().int().min(1).max(1000).default(80),
  MEDIA_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(25 * 1024 * 1024),
  HALE_ENCRYPTION_KEY: optionalString.pipe(
    z
      .string()
      .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes encoded as base64 (openssl rand -base64 32)')
      .optional(),
  ),
  HALE_PREVIOUS_ENCRYPTION_KEYS: optionalString,
  CLINIC_CONFIG: optionalString,
  HALE_ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  HALE_DEMO: z.enum(['auto', 'off']).default('auto'),
  SIMULATOR_PORT: port.default(3001),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HALE_ADMIN_EMAIL: optionalString.pipe(z.email('must be an e-mail address').optional()),
  HALE_ADMIN_PASSWORD: optionalString.pipe(z.string().min(12, 'must be at least 12 characters').optional()),
});

export type Env = z.infer<typeof envSchema>;

/** Every environment variable Hale reads (README's configuration table lists each one). */
export const configVariables: readonly string[] = Object.keys(envSchema.shape);

export interface WhatsAppConfig {
  apiUrl: string;
  apiVersion: string;
  phoneNumberId: string | undefined;
  accessToken: string | undefined;
  appSecret: string | undefined;
  verifyToken: string | undefined;
  mps: number;
}

export interface Config {
  nodeEnv: Env['NODE_ENV'];
  http: { port: number; host: string };
  database: { kind: 'postgres'; url: string; poolSize: number } | { kind: 'pglite'; dataDir: string | undefined };
  dataDir: string;
  whatsapp: WhatsAppConfig;
  mediaMaxBytes: number;
  encryption: { key: string | undefined; previousKeys: string[] };
  logLevel: Env['LOG_LEVEL'];
  /** all: HTTP and job workers in one process; web: HTTP only; worker: jobs (HTTP for health only). */
  role: Env['HALE_ROLE'];
  /** Path of the clinic's YAML configuration; undefined = the bundled demo clinic. */
  clinicConfigFile: string | undefined;
  /** Demo mode (no Meta credentials): start the WhatsApp simulator in-process on this port. */
  demo: { enabled: boolean; simulatorPort: number };
  /** Staff sign-in: the first admin (created once, when no staff account exists). */
  staff: { adminEmail: string | undefined; adminPassword: string | undefined; adminsNeedTotp: boolean; secureCookies: boolean };
}

export type ConfigResult = { ok: true; config: Readonly<Config> } | { ok: false; problems: string[] };

export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
    };
  }
  const e = parsed.data;
  const problems: string[] = [];
  const previousKeys = (e.HALE_PREVIOUS_ENCRYPTION_KEYS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  for (const [i, key] of previousKeys.entries()) {
    if (Buffer.from(key, 'base64').length !== 32) {
      problems.push(`HALE_PREVIOUS_ENCRYPTION_KEYS: key ${i + 1} must be 32 bytes encoded as base64`);
    }
  }
  if (e.NODE_ENV === 'production' && e.HALE_ENCRYPTION_KEY === undefined) {
    problems.push('HALE_ENCRYPTION_KEY: required when NODE_ENV=production (openssl rand -base64 32)');
  }
  const metaSettings = {
    WHATSAPP_PHONE_NUMBER_ID: e.WHATSAPP_PHONE_NUMBER_ID,
    WHATSAPP_ACCESS_TOKEN: e.WHATSAPP_ACCESS_TOKEN,
    WHATSAPP_APP_SECRET: e.WHATSAPP_APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: e.WHATSAPP_VERIFY_TOKEN,
  };
  const setCount = Object.values(metaSettings).filter((v) => v !== undefined).length;
  if (e.WHATSAPP_ACCESS_TOKEN !== undefined && setCount < 4) {
    for (const [name, value] of Object.entries(metaSettings)) {
      if (value === undefined) problems.push(`${name}: required when WHATSAPP_ACCESS_TOKEN is set`);
    }
  }
  if ((e.HALE_ADMIN_EMAIL === undefined) !== (e.HALE_ADMIN_PASSWORD === undefined)) {
    problems.push(`${e.HALE_ADMIN_EMAIL === undefined ? 'HALE_ADMIN_EMAIL' : 'HALE_ADMIN_PASSWORD'}: required together with ${e.HALE_ADMIN_EMAIL === undefined ? 'HALE_ADMIN_PASSWORD' : 'HALE_ADMIN_EMAIL'}`);
  }
  if (problems.length > 0) return { ok: false, problems };

  const database: Config['database'] =
    e.DATABASE_URL === undefined
      ? { kind: 'pglite', dataDir: e.DATA_DIR }
      : e.DATABASE_URL.startsWith('memory://')
        ? { kind: 'pglite', dataDir: undefined }
        : { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE };

  const config: Config = {
    nodeEnv: e.NODE_ENV,
    http: { port: e.PORT, host: e.HOST },
    database,
    dataDir: e.DATA_DIR,
    whatsapp: {
      apiUrl: e.WHATSAPP_API_URL.replace(/\/+$/, ''),
      apiVersion: e.WHATSAPP_API_VERSION,
      phoneNumberId: e.WHATSAPP_PHONE_NUMBER_ID,
      accessToken: e.WHATSAPP_ACCESS_TOKEN,
      appSecret: e.WHATSAPP_APP_SECRET,
      verifyToken: e.WHATSAPP_VERIFY_TOKEN,
      mps: e.WHATSAPP_MPS,
    },
    mediaMaxBytes: e.MEDIA_MAX_BYTES,
    encryption: { key: e.HALE_ENCRYPTION_KEY, previousKeys },
    logLevel: e.LOG_LEVEL,
    clinicConfigFile: e.CLINIC_CONFIG,
    role: e.HALE_ROLE,
    demo: { enabled: e.HALE_DEMO === 'auto' && e.WHATSAPP_ACCESS_TOKEN === undefined, simulatorPort: e.SIMULATOR_PORT },
    staff: {
      adminEmail: e.HALE_ADMIN_EMAIL?.toLowerCase(),
      adminPassword: e.HALE_ADMIN_PASSWORD,
      adminsNeedTotp: e.NODE_ENV === 'production',
      secureCookies: e.NODE_ENV === 'production',
    },
  };
  return { ok: true, config: deepFreeze(config) };
}

/** Which Meta settings are missing for the WhatsApp channel to work (empty = configured). */
export function missingWhatsAppSettings(whatsapp: WhatsAppConfig): string[] {
  const missing: string[] = [];
  if (whatsapp.phoneNumberId === undefined) missing.push('WHATSAPP_PHONE_NUMBER_ID');
  if (whatsapp.accessToken === undefined) missing.push('WHATSAPP_ACCESS_TOKEN');
  if (whatsapp.appSecret === undefined) missing.push('WHATSAPP_APP_SECRET');
  if (whatsapp.verifyToken === undefined) missing.push('WHATSAPP_VERIFY_TOKEN');
  return missing;
}

function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const child of Object.values(value)) {
    if (child !== null && typeof child === 'object') deepFreeze(child as object);
  }
  return Object.freeze(value);
}
