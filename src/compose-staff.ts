/**
 * Part of the composition root (main.ts calls it): wires the staff side — sign-in, route
 * authorization, the staff API, realtime over LISTEN/NOTIFY, the web app at `/`. Kept apart
 * from main.ts so the staff wiring reads in one place.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ChannelSender, Clock, MediaStorage, Transactor } from './app/ports.ts';
import { ensureFirstAdmin, authenticateApiToken, authenticateSession, type StaffAuthDeps } from './app/staff/staff-sessions.ts';
import { refreshPatientSearchIndex } from './app/staff/patient-records.ts';
import type { StaffRole } from './core/staff/staff-role.ts';
import type { ClinicConfig } from './core/clinic/clinic-config.ts';
import type { Config } from './config.ts';
import { inboxEventSchema } from './contracts/staff-api.ts';
import { argon2PasswordHasher } from './adapters/crypto/argon2-password-hasher.ts';
import type { FieldCipher } from './adapters/crypto/create-field-cipher.ts';
import { totpService } from './adapters/crypto/totp-service.ts';
import { listenInboxChanges } from './adapters/db/listen-inbox-changes.ts';
import type { OpenDatabase } from './adapters/db/open-database.ts';
import type { Database } from './adapters/db/schema.ts';
import { createStaffTransactor } from './adapters/db/staff-store.ts';
import { serveWebApp } from './adapters/http/serve-web-app.ts';
import { installStaffAuth, type RouteEntry } from './adapters/http/staff-auth.ts';
import { registerStaffRoutes } from './adapters/http/staff-routes.ts';

export interface DemoAccount {
  email: string;
  password: string;
  role: StaffRole;
  displayName: string;
}

export interface StaffSide {
  /** Every route registered after the auth plugin, with the roles it admits (the role test walks it). */
  routes: RouteEntry[];
  /** Registers the API and the web app (call after the auth plugin, before listen). */
  registerRoutes(): Promise<void>;
  /** Demo mode: fresh passwords for the demo accounts on every start. */
  createDemoAccounts(): Promise<DemoAccount[]>;
  close(): Promise<void>;
}

export async function composeStaff(input: {
  app: FastifyInstance;
  database: OpenDatabase;
  cipher: FieldCipher;
  clock: Clock;
  clinic: ClinicConfig;
  channel: ChannelSender;
  config: Readonly<Config>;
  log: Logger;
  transactorFor: (db: Kysely<Database>) => Transactor;
  tx: Transactor;
  storage: Pick<MediaStorage, 'get'>;
  webRoot?: string;
}): Promise<StaffSide> {
  const { app, database, cipher, clock, clinic, config, log } = input;
  const staffTx = createStaffTransactor(database.db, cipher, input.transactorFor);
  const hasher = argon2PasswordHasher();
  const auth: StaffAuthDeps = { staffTx, clock, hasher, totp: totpService(), adminsNeedTotp: config.staff.adminsNeedTotp };

  const routes = await installStaffAuth(app, {
    authenticateSession: (token) => authenticateSession(auth, token),
    authenticateToken: (token) => authenticateApiToken(auth, token),
    secureCookies: config.staff.secureCookies,
  });

  if (config.staff.adminEmail !== undefined && config.staff.adminPassword !== undefined) {
    const outcome = await ensureFirstAdmin(auth, { email: config.staff.adminEmail, password: config.staff.adminPassword, displayName: 'Administrator' });
    if (outcome === 'created') log.info({}, 'staff.first_admin_created');
  }

  const feed = await listenInboxChanges(database, (error) => log.error({ err: error }, 'inbox.listen_failed'));
  const patientDeps = { staffTx, tx: input.tx, clock, clinic, cipher };
  // Keep the patient search index fresh in the background (names change when patients book).
  const indexer = setInterval(() => {
    refreshPatientSearchIndex(patientDeps).catch((error: unknown) => log.error({ err: error }, 'patients.index_failed'));
  }, 30_000);
  indexer.unref();

  return {
    routes,
    async registerRoutes() {
      await registerStaffRoutes(app, {
        auth,
        inbox: { staffTx, tx: input.tx, clock, clinic, channel: input.channel, replyWindowHours: 24, storage: input.storage },
        patients: patientDeps,
        admin: { staffTx, clock, hasher },
        care: { care: { staffTx, tx: input.tx, clock, clinic }, account: { staffTx, clock, hasher }, clinic },
        subscribe: (listener) =>
          feed.subscribe((payload) => {
            const parsed = inboxEventSchema.safeParse(JSON.parse(payload));
            if (parsed.success) listener(parsed.data);
          }),
        secureCookies: config.staff.secureCookies,
        issuer: clinic.clinic.name,
      });
      const served = await serveWebApp(app, input.webRoot);
      if (!served) log.warn({}, 'web app not built: run `npm run build:web` (npm start does it)');
    },
    async createDemoAccounts() {
      const accounts: DemoAccount[] = [
        { email: 'admin@demo.hale.local', role: 'admin', displayName: 'Dana Admin', password: '' },
        { email: 'reception@demo.hale.local', role: 'agent', displayName: 'Rita Reception', password: '' },
        { email: 'nurse@demo.hale.local', role: 'clinician', displayName: 'Nora Nurse', password: '' },
      ].map((a) => ({ ...a, role: a.role as StaffRole, password: `demo-${randomBytes(6).toString('base64url')}` }));
      const hashes = await Promise.all(accounts.map((a) => hasher.hash(a.password)));
      const now = clock.now();
      await staffTx.run(async (staff) => {
        for (const [i, account] of accounts.entries()) {
          const existing = await staff.users.findByEmail(account.email);
          const passwordHash = hashes[i] ?? '';
          if (existing === undefined) await staff.users.create({ email: account.email, displayName: account.displayName, role: account.role, passwordHash, language: 'en', at: now });
          else await staff.users.update(existing.id, { passwordHash, disabled: false }, now);
        }
        if ((await staff.canned.list()).length === 0) {
          for (const canned of demoCannedReplies) await staff.canned.create(canned, now);
        }
      });
      return accounts;
    },
    async close() {
      clearInterval(indexer);
      await feed.close();
    },
  };
}

const demoCannedReplies = [
  { shortcut: 'hello', title: 'Greeting', body: 'Hello, this is the front desk of the clinic. How can we help you?' },
  { shortcut: 'callback', title: 'We will call you', body: 'Thank you. A member of our team will call you back today.' },
  { shortcut: 'results', title: 'Results not ready', body: 'Your results are not ready yet. We will write to you here as soon as they are.' },
  { shortcut: 'thanks', title: 'Thanks and goodbye', body: 'Thank you for your message. Take care!' },
];
