/**
 * Composition root: the only file that wires adapters to ports. `startHale(config)` is used by
 * `npm start` (below) and by the end-to-end tests.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { fromKysely } from 'pg-boss';
import pino, { type DestinationStream, type Logger } from 'pino';
import { fetchInboundMedia } from './app/fetch-inbound-media.ts';
import { eventJobId, ingestWebhook, requeueStalledEvents } from './app/ingest-webhook.ts';
import { requeueStalledReplies } from './app/requeue-stalled-replies.ts';
import type { BusyTimeReader, ChannelSender, Clock, MediaStorage, Transactor } from './app/ports.ts';
import { processInboundEvent } from './app/process-inbound-event.ts';
import { processStatusEvents } from './app/process-status-events.ts';
import { queueReply, type QueueReplyInput } from './app/queue-reply.ts';
import { defaultSendPolicy, sendOutbound } from './app/send-outbound.ts';
import { missingWhatsAppSettings, parseConfig, type Config } from './config.ts';
import { createFieldCipher, type FieldCipher } from './adapters/crypto/create-field-cipher.ts';
import { loadEncryptionKey } from './adapters/crypto/load-encryption-key.ts';
import { createTransactor } from './adapters/db/create-transactor.ts';
import { migrateToLatest } from './adapters/db/migrate-to-latest.ts';
import { openDatabase, type OpenDatabase } from './adapters/db/open-database.ts';
import { databaseRateLimiter } from './adapters/db/rate-limiter.ts';
import type { Database } from './adapters/db/schema.ts';
import { sealAuditLog } from './adapters/db/audit-log.ts';
import { buildHttpApp } from './adapters/http/build-http-app.ts';
import { createPrometheusMetrics } from './adapters/http/prometheus-metrics.ts';
import { createBatchDispatcher } from './adapters/jobs/create-batch-dispatcher.ts';
import { startJobRuntime, type JobRuntime } from './adapters/jobs/start-job-runtime.ts';
import { localMediaStorage } from './adapters/storage/local-media-storage.ts';
import { createWhatsAppChannel, whatsappTranslator, unconfiguredChannel } from './adapters/whatsapp/create-whatsapp-channel.ts';
import { registerWhatsAppWebhook } from './adapters/whatsapp/webhook-routes.ts';
import { demoClinicConfigPath, loadClinicConfig } from './adapters/clinic-config/load-clinic-config.ts';
import { createNlu } from './adapters/nlu/create-nlu.ts';
import { handBackConversation } from './app/hand-back-conversation.ts';
import { runAssistant } from './app/run-assistant.ts';
import { answerPatient, createInboundPipeline, handleInboundEvent, type EventSteps, type InboundPipeline } from './app/inbound-pipeline.ts';
import { RetryLaterError } from './app/retry-later-error.ts';
import { performAssistantRequest } from './app/perform-assistant-request.ts';
import { offerSlotToNext } from './app/offer-slot-to-next.ts';
import { buildProviderFeed, providerFeedToken } from './app/build-provider-feed.ts';
import { cancelAppointment } from './app/cancel-appointment.ts';
import { confirmBooking } from './app/confirm-booking.ts';
import { decideBookingRequest } from './app/decide-booking-request.ts';
import { findPatientSlots } from './app/find-patient-slots.ts';
import { createBusyTimeCache } from './adapters/db/busy-time-cache.ts';
import { addProviderException, appointmentsOutsideHours, createScheduleSync, getProviderSchedule, resetProviderSchedule, setProviderSchedule } from './app/provider-schedules.ts';
import { listProviderDay } from './app/list-provider-day.ts';
import { listProviders } from './app/list-providers.ts';
import { listIntakeAnswers } from './app/list-intake-answers.ts';
import { markAttendance } from './app/mark-attendance.ts';
import { rescheduleAppointment } from './app/reschedule-appointment.ts';
import { registerCalendarFeedRoutes } from './adapters/http/calendar-feed-routes.ts';
import type { AssistantRequest } from './core/assistant/effects.ts';
import type { ClinicConfig } from './core/clinic/clinic-config.ts';
import { createSimulator, type Simulator } from '../simulator/create-simulator.ts';
import { registerClinicalRoutes } from './adapters/http/clinical-routes.ts';
import { assessSymptoms } from './app/assess-symptoms.ts';
import { listPatientObservations, setVitalTargets } from './app/staff-vitals.ts';
import { composeStaff, type DemoAccount, type StaffSide } from './compose-staff.ts';
import { databaseSendTokens } from './adapters/db/send-tokens.ts';
import { startReminderLoops } from './adapters/jobs/start-reminder-loops.ts';
import { defaultReminderDispatchPolicy, dispatchDueReminders, type ReminderDispatchPolicy } from './app/dispatch-reminders.ts';
import { runReminderHousekeeping } from './app/run-reminder-housekeeping.ts';
import { createMedicationPlan, stopMedicationPlan } from './app/create-medication-plan.ts';
import { createFollowUp } from './app/create-follow-up.ts';
import { listUnconfirmedAppointments, noShowRateByReminderOutcome } from './app/reminder-reports.ts';
import { registerCareRoutes } from './adapters/http/care-routes.ts';
import { completeFeedbackFollowUp, decideRefillRequest, feedbackSummary, listFeedbackFollowUps, listPatientDocuments, listRefillRequests, openPatientDocument, sendPaymentLink, setDocumentCategory } from './app/care-staff.ts';
import { resultCodes } from './adapters/crypto/result-codes.ts';
import { registerResultsRoutes } from './adapters/http/results-routes.ts';
import { addPatientResult } from './app/add-patient-result.ts';
import { exportPatientResults, listPatientResults, openResultFile, reofferResult, toResultItem, unlockResultVerification } from './app/staff-results.ts';

export interface Hale {
  url: string;
  app: FastifyInstance;
  db: Kysely<Database>;
  database: OpenDatabase;
  jobs: JobRuntime;
  cipher: FieldCipher;
  tx: Transactor;
  log: Logger;
  clinic: ClinicConfig;
  queueReply(input: QueueReplyInput): Promise<{ communicationId: string; created: boolean }>;
  handBack(conversationId: string, to: 'bot' | 'closed', actor: { type: 'staff' | 'system'; id?: string }): Promise<void>;
  /** Staff booking operations (use cases; the staff JSON API routes call these). */
  booking: StaffBooking;
  /** Staff sign-in, API, realtime and web app (src/compose-staff.ts). */
  staff: StaffSide;
  /** Reminder use cases for the staff API (docs/reminders.md). */
  reminders: HaleReminders;
  close(): Promise<void>;
}

export interface HaleReminders {
  createMedicationPlan(input: Parameters<typeof createMedicationPlan>[1]): ReturnType<typeof createMedicationPlan>;
  stopMedicationPlan(input: Parameters<typeof stopMedicationPlan>[1]): Promise<void>;
  createFollowUp(input: Parameters<typeof createFollowUp>[1]): ReturnType<typeof createFollowUp>;
  markAttendance(input: { appointmentId: string; attendance: 'attended' | 'no_show'; staffId: string }): Promise<void>;
  listUnconfirmed(window: { from: Date; to: Date }): ReturnType<typeof listUnconfirmedAppointments>;
  noShowRateByReminderOutcome(window: { from: Date; to: Date }): ReturnType<typeof noShowRateByReminderOutcome>;
  /** One dispatch round now (tests, operators); the worker loop does this continuously. */
  dispatchOnce(): Promise<number>;
  housekeepingOnce(): ReturnType<typeof runReminderHousekeeping>;
}

type UseCaseDeps = Parameters<typeof cancelAppointment>[0];
export interface StaffBooking {
  providers(): ReturnType<typeof listProviders>;
  searchSlots(input: Parameters<typeof findPatientSlots>[1]): ReturnType<typeof findPatientSlots>;
  book(input: Parameters<typeof confirmBooking>[1] & { staffId: string }): ReturnType<typeof confirmBooking>;
  move(input: { appointmentId: string; staffId: string; practitionerId: string; start: Date }): ReturnType<typeof rescheduleAppointment>;
  cancel(input: { appointmentId: string; staffId: string }): ReturnType<typeof cancelAppointment>;
  decideRequest(input: Parameters<typeof decideBookingRequest>[1]): ReturnType<typeof decideBookingRequest>;
  dayList(input: Parameters<typeof listProviderDay>[1]): ReturnType<typeof listProviderDay>;
  markAttendance(input: Parameters<typeof markAttendance>[1]): ReturnType<typeof markAttendance>;
  intakeAnswers(input: Parameters<typeof listIntakeAnswers>[1]): ReturnType<typeof listIntakeAnswers>;
  /** Path of a provider's secret calendar feed (append to Hale's public URL). */
  feedPath(practitionerId: string): string;
}

function staffBooking(deps: UseCaseDeps & { storage?: Pick<MediaStorage, 'put'> }, cipher: FieldCipher, busy: BusyTimeReader): StaffBooking {
  return {
    providers: () => listProviders(deps.clinic),
    searchSlots: (input) => findPatientSlots({ ...deps, busy }, input),
    book: (input) => confirmBooking(deps, input),
    move: (input) => rescheduleAppointment(deps, { appointmentId: input.appointmentId, actor: { type: 'staff', staffId: input.staffId }, practitionerId: input.practitionerId, start: input.start }),
    cancel: (input) => cancelAppointment(deps, { appointmentId: input.appointmentId, actor: { type: 'staff', staffId: input.staffId }, reason: 'clinic_request' }),
    decideRequest: (input) => decideBookingRequest(deps, input),
    dayList: (input) => listProviderDay(deps, input),
    markAttendance: (input) => markAttendance(deps, input),
    intakeAnswers: (input) => listIntakeAnswers(deps, input),
    feedPath: (practitionerId) => `/calendar/${practitionerId}/${providerFeedToken(cipher, practitionerId)}.ics`,
  };
}

export interface StartOptions {
  /** Extra pino options (tests silence logs). */
  logger?: Logger;
  clock?: Clock;
  /** Extra log lines at start (npm start prints where Hale listens). */
  announce?: boolean;
  /** Reminder dispatch tuning (tests and benchmarks): loops off, poll interval, lease, pipelines. */
  reminders?: { loops?: boolean; pollMs?: number; housekeepingMs?: number; pipelines?: number; policy?: Partial<ReminderDispatchPolicy> };
}

const PHI_LOG_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'req.body', 'body', 'text', 'name', 'phone', 'waId', 'wa_id'];

/** Hale's JSON logger. Log calls carry ids only; redaction is a second guard against PHI. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'hale' }, redact: { paths: PHI_LOG_PATHS, censor: '[redacted]' } };
  return destination === undefined ? pino(options) : pino(options, destination);
}

export async function startHale(config: Readonly<Config>, options: StartOptions = {}): Promise<Hale> {
  const log = options.logger ?? createLogger(config.logLevel);
  const clock: Clock = options.clock ?? { now: () => new Date() };
  const persistent = config.database.kind === 'postgres' || config.database.dataDir !== undefined;

  // The clinic's configuration and the NLU come first: a bad file stops start-up before anything opens.
  const configuredClinic = await loadClinicConfig(config.clinicConfigFile ?? demoClinicConfigPath);
  const nluStarted = performance.now();
  const nlu = await createNlu(configuredClinic);
  log.info({ ms: Math.round(performance.now() - nluStarted), faq: configuredClinic.faq.length, languages: configuredClinic.languages.supported }, 'nlu.trained');

  const loadedKey = await loadEncryptionKey(config.encryption.key, persistent ? config.dataDir : undefined);
  if (loadedKey.source === 'generated') log.warn({ file: loadedKey.file }, 'HALE_ENCRYPTION_KEY is not set: generated a key for this data folder. Back it up, or set HALE_ENCRYPTION_KEY; without it the data cannot be read.');
  if (loadedKey.source === 'data-dir') log.warn({ file: loadedKey.file }, 'HALE_ENCRYPTION_KEY is not set: using the key generated in the data folder (fine for trials; set HALE_ENCRYPTION_KEY in production).');
  const cipher = createFieldCipher(loadedKey.key, config.encryption.previousKeys.map((k) => Buffer.from(k, 'base64')));

  // Whatever started is stopped again if a later step fails, so a failed start leaves nothing running.
  const started: Array<() => Promise<unknown>> = [];
  try {
    return await assemble();
  } catch (error) {
    for (const stop of started.reverse()) await stop().catch(() => undefined);
    throw error;
  }

  async function assemble(): Promise<Hale> {
  const database = await openDatabase(
    config.database.kind === 'postgres'
      ? config.database
      : { kind: 'pglite', dataDir: config.database.dataDir },
  );
  started.push(() => database.close());
  await migrateToLatest(database.db as unknown as Kysely<unknown>);
  const jobs = await startJobRuntime(
    database.kind === 'pglite' && database.pglite !== undefined
      ? { kind: 'pglite', pglite: database.pglite }
      : { kind: 'postgres', url: database.url ?? '', poolSize: config.database.kind === 'postgres' ? config.database.poolSize : 4 },
    (error) => log.error({ err: error }, 'jobs.error'),
  );
  started.push(() => jobs.stop());
  const metrics = createPrometheusMetrics(() => jobs.depth());
  const tx = createTransactor(database.db, cipher, (db) => jobs.queue(fromKysely(db)));
  // Slot searches read busy time from memory, refetching what the database's versions say changed (ADR 17).
  const busy = createBusyTimeCache(database.db).busyTimes;
  // Schedules staff edited replace the configuration's, in every process within seconds (ADR 18).
  const schedules = createScheduleSync({ tx, clinic: configuredClinic });
  // Everything below reads the clinic through this view: providers as staff last set them.
  const clinic = schedules.clinic;
  await schedules.refresh();
  const scheduleTimer = setInterval(() => void schedules.refresh().catch((error: unknown) => log.error({ err: error }, 'schedules.refresh_failed')), 5_000);
  scheduleTimer.unref();
  started.push(async () => clearInterval(scheduleTimer));
  const scheduleDeps = { tx, clock, clinic, schedules, outsideHours: (practitionerId: string, now: Date) => appointmentsOutsideHours({ tx, clinic }, practitionerId, now) };
  const dispatcher = createBatchDispatcher(() => jobs.queue(), 'inbound.process', (id) => ({ id: eventJobId(id), data: { eventId: id } }), {
    maxBatch: 200,
    maxDelayMs: 10,
    onError: (error) => log.error({ err: error }, 'jobs.dispatch_failed'),
  });
  const storage = localMediaStorage(persistent ? path.resolve(config.dataDir, 'media') : path.join(tmpdir(), `hale-media-${process.pid}`), cipher);

  const missing = missingWhatsAppSettings(config.whatsapp);
  const wa = config.whatsapp;
  const channel: ChannelSender =
    wa.phoneNumberId !== undefined && wa.accessToken !== undefined
      ? createWhatsAppChannel({ apiUrl: wa.apiUrl, apiVersion: wa.apiVersion, phoneNumberId: wa.phoneNumberId, accessToken: wa.accessToken, readStoredMedia: (key) => storage.get(key) })
      : unconfiguredChannel(missing);
  const sendPolicy = defaultSendPolicy(wa.phoneNumberId ?? 'unconfigured', wa.mps);
  const limiter = databaseRateLimiter(database.db);

  const app = buildHttpApp({
    logger: log,
    metrics,
    async readiness() {
      const databaseOk = await sql`SELECT 1`.execute(database.db).then(() => true, () => false);
      const queueOk = await jobs.depth().then(() => true, () => false);
      return { database: databaseOk, queue: queueOk };
    },
  });
  // Staff route authorization first: every route registered after it is checked (and listed).
  const staff = await composeStaff({ app, database, cipher, clock, clinic, channel, config, log, tx, storage, transactorFor: (db) => createTransactor(db, cipher, (d) => jobs.queue(fromKysely(d))) });
  started.push(() => staff.close());

  const assistantDeps = { tx, clock, nlu, clinic, log, perform: (patientId: string, request: AssistantRequest) => performAssistantRequest({ tx, clock, clinic, storage, log, busy, codes: resultCodes(cipher) }, patientId, request) };
  const sendDeps = { tx, clock, channel, limiter, metrics, log, sleep: (ms: number) => sleep(ms) };
  const steps: EventSteps = {
    processEvent: (eventId) => processInboundEvent({ tx, clock, translator: whatsappTranslator, metrics, log }, eventId),
    processStatuses: (eventIds) => processStatusEvents({ tx, clock, translator: whatsappTranslator, metrics }, eventIds),
    runAssistant: (patientId) => runAssistant(assistantDeps, patientId),
    send: (communicationId) => sendOutbound(sendDeps, sendPolicy, communicationId),
    sendLater: (ids, seconds) => jobs.queue().enqueueMany('outbound.send', ids.map((communicationId) => ({ data: { communicationId }, startAfterSeconds: seconds }))),
    async markRead(providerMessageId) {
      const result = await channel.markRead(providerMessageId);
      if (!result.ok) log.warn({ code: result.code, title: result.title }, 'outbound.mark_read_failed');
    },
    log,
  };
  // A process that does the work handles the events it stores at once (ADR 6); a web-only process queues them.
  const pipeline: InboundPipeline | undefined =
    config.role === 'web'
      ? undefined
      : createInboundPipeline(steps, {
          concurrency: config.database.kind === 'postgres' ? Math.max(2, config.database.poolSize - 2) : 4,
          maxWaiting: 2_000,
          overflow: (ids) => dispatcher.dispatch(ids),
        });

  if (config.role !== 'worker') await registerWhatsAppWebhook(app, {
    appSecret: wa.appSecret,
    verifyToken: wa.verifyToken,
    missingSettings: missing,
    metrics,
    ingest: (events) => ingestWebhook({ tx, clock, metrics, dispatch: (work) => (pipeline === undefined ? dispatcher.dispatch(work.map((w) => w.id)) : pipeline.submit(work)) }, events),
  });

  if (config.role !== 'worker') registerCalendarFeedRoutes(app, { feed: (input) => buildProviderFeed({ tx, clock, clinic, cipher }, input) });
  if (config.role !== 'worker') await staff.registerRoutes();
  if (config.role !== 'worker') {
    const booking = staffBooking({ tx, clock, clinic, storage }, cipher, busy);
    registerClinicalRoutes(app, {
      assessSymptoms: (actorId, body) => assessSymptoms({ tx, clock, clinic }, { type: 'staff', id: actorId }, body),
      providers: () => booking.providers(),
      move: (input) => booking.move(input),
      cancel: (input) => booking.cancel(input),
      decideRequest: (input) => booking.decideRequest(input),
      intakeAnswers: (input) => booking.intakeAnswers(input),
      feedPath: (practitionerId) => booking.feedPath(practitionerId),
      observations: (input) => listPatientObservations({ tx, clock }, input),
      setVitalTargets: (input) => setVitalTargets({ tx, clock }, input),
      schedule: (practitionerId) => getProviderSchedule(scheduleDeps, practitionerId),
      setSchedule: (input) => setProviderSchedule(scheduleDeps, input),
      addException: (input) => addProviderException(scheduleDeps, input),
      resetSchedule: (input) => resetProviderSchedule(scheduleDeps, input),
    });
    const care = { tx, clock, clinic, storage };
    registerCareRoutes(app, {
      refillRequests: (input) => listRefillRequests(care, input),
      decideRefill: (input) => decideRefillRequest(care, input),
      documents: (input) => listPatientDocuments(care, input),
      openDocument: (input) => openPatientDocument(care, input),
      categorizeDocument: (input) => setDocumentCategory(care, input),
      paymentLink: (input) => sendPaymentLink(care, input),
      feedbackFollowUps: (input) => listFeedbackFollowUps(care, input),
      completeFollowUp: (input) => completeFeedbackFollowUp(care, input),
      feedbackSummary: (window) => feedbackSummary(care, window),
    });
    await registerResultsRoutes(app, {
      upload: (input) => addPatientResult({ tx, clock, clinic, storage }, input).then((r) => ({ ...r, result: toResultItem(r.result, { includeNote: true }) })),
      list: (input) => listPatientResults({ tx, clock }, input),
      exportFhir: (input) => exportPatientResults({ tx, clock }, input),
      openFile: (input) => openResultFile({ tx, clock, storage }, input),
      unlock: (input) => unlockResultVerification({ tx, clock }, input),
      reoffer: (input) => reofferResult({ tx, clock, clinic }, input),
    });
  }

  const reminderPolicy: ReminderDispatchPolicy = { ...defaultReminderDispatchPolicy(wa.phoneNumberId ?? 'unconfigured', wa.mps), ...options.reminders?.policy };
  const reminderDeps = { tx, clock, channel, tokens: databaseSendTokens(database.db), clinic, metrics, log, sleep: (ms: number) => sleep(ms) };
  const workerId = `${process.pid}-${randomBytes(3).toString('hex')}`;
  const dispatchOnce = (pipeline = 0) => dispatchDueReminders(reminderDeps, reminderPolicy, `${workerId}-${pipeline}`);
  const housekeepingOnce = () => runReminderHousekeeping({ tx, clock, clinic, log });


  // HALE_ROLE=web serves HTTP only; another process with HALE_ROLE=worker (or all) does the jobs.
  let stopReminders = async (): Promise<void> => undefined;
  if (config.role !== 'web') await startWorkers();
  async function startWorkers(): Promise<void> {
  // The assistant answers in the same job (one job less per message); it is idempotent and ordered (ADR 2).
  await jobs.work('inbound.process', 4, (data) => handleInboundEvent(steps, Number(data['eventId'])));
  await jobs.work('conversation.turn', 4, (data) => answerPatient(steps, String(data['patientId'])));
  await jobs.work('outbound.send', 8, async (data) => {
    const communicationId = String(data['communicationId']);
    const outcome = await sendOutbound(sendDeps, sendPolicy, communicationId);
    if (outcome === 'claimed') throw new RetryLaterError('another sender holds this message');
    if (typeof outcome === 'object') {
      await jobs.queue().enqueue('outbound.send', { communicationId }, { startAfterSeconds: outcome.deferredSeconds });
    }
  });
  await jobs.work('outbound.mark_read', 2, async (data) => {
    const result = await channel.markRead(String(data['providerMessageId']));
    if (!result.ok && result.retryable) throw new Error(`mark-as-read failed: ${result.title}`);
  });
  await jobs.work('waitlist.offer_next', 2, async (data) => {
    await offerSlotToNext({ tx, clock, clinic }, { serviceId: String(data['serviceId']), practitionerId: String(data['practitionerId']), start: new Date(Number(data['start'])) });
  });
  await jobs.work('media.fetch', 2, async (data) => {
    await fetchInboundMedia({ tx, clock, channel, storage, metrics, log, maxBytes: config.mediaMaxBytes }, String(data['mediaId']));
  });
  if (options.reminders?.loops !== false) {
    const loops = startReminderLoops({
      pipelines: options.reminders?.pipelines ?? 3,
      pollMs: options.reminders?.pollMs ?? 1000,
      housekeepingMs: options.reminders?.housekeepingMs ?? 60_000,
      dispatch: dispatchOnce,
      housekeeping: housekeepingOnce,
      onError: (error, where) => log.error({ err: error, where }, 'reminders.loop_failed'),
    });
    stopReminders = () => loops.stop();
  }
  }

  // Events whose job was lost (a crash between storing and dispatching) are picked up again, and replies likewise.
  const sweeper =
    config.role === 'web'
      ? undefined
      : setInterval(() => {
          requeueStalledEvents({ tx, clock }).then(
            (count) => (count > 0 ? log.warn({ count }, 'inbound.requeued_stalled') : undefined),
            (error: unknown) => log.error({ err: error }, 'inbound.requeue_failed'),
          );
          // Replies a crash left queued (ADR 16); ones waiting for the send limit have a job already.
          requeueStalledReplies({ tx, clock }).then(
            (count) => (count > 0 ? log.info({ count }, 'outbound.requeued_stalled') : undefined),
            (error: unknown) => log.error({ err: error }, 'outbound.requeue_failed'),
          );
        }, 15_000);
  sweeper?.unref();
  started.push(async () => clearInterval(sweeper));

  // Audit rows join the hash chain within about a second (ADR 7); one sealer at a time across processes.
  let sealing: Promise<unknown> | undefined;
  const sealer =
    config.role === 'web'
      ? undefined
      : setInterval(() => {
          sealing ??= sealAuditLog(database.db)
            .catch((error: unknown) => log.error({ err: error }, 'audit.seal_failed'))
            .finally(() => (sealing = undefined));
        }, 1_000);
  sealer?.unref();
  started.push(async () => clearInterval(sealer));

  const address = await app.listen({ port: config.http.port, host: config.http.host });
  const url = address.replace('[::1]', 'localhost');
  if (options.announce === true) {
    log.info({ url, database: database.kind, whatsapp: missing.length === 0 ? 'configured' : 'not configured' }, `Hale is listening on ${url}`);
    if (missing.length > 0) log.warn({ missing }, `WhatsApp is not configured: webhooks answer 503 until ${missing.join(', ')} are set`);
  }

  let closing: Promise<void> | undefined;
  return {
    url,
    app,
    db: database.db,
    database,
    jobs,
    cipher,
    tx,
    log,
    clinic,
    queueReply: (input) => queueReply({ tx, clock, channel }, input),
    booking: staffBooking({ tx, clock, clinic, storage }, cipher, busy),
    staff,
    reminders: {
      createMedicationPlan: (input) => createMedicationPlan({ tx, clock, clinic }, input),
      stopMedicationPlan: (input) => stopMedicationPlan({ tx, clock }, input),
      createFollowUp: (input) => createFollowUp({ tx, clock, clinic }, input),
      markAttendance: async (input) => {
        await markAttendance({ tx, clock, clinic }, { appointmentId: input.appointmentId, staffId: input.staffId, status: input.attendance === 'attended' ? 'fulfilled' : 'noshow' });
      },
      listUnconfirmed: (window) => listUnconfirmedAppointments({ tx }, window),
      noShowRateByReminderOutcome: (window) => noShowRateByReminderOutcome({ tx }, window),
      dispatchOnce: () => dispatchOnce(0),
      housekeepingOnce,
    },
    handBack: (conversationId, to, actor) => handBackConversation({ tx, clock, clinic }, { conversationId, to, actor: { type: actor.type, ...(actor.id === undefined ? {} : { id: actor.id }) } }),
    close() {
      closing ??= (async () => {
        await app.close(); // stop accepting requests, finish in-flight ones
        clearInterval(sweeper);
        await pipeline?.drain(); // answer what was stored
        await staff.close();
        await dispatcher.flush(); // jobs for every event acknowledged to Meta
        await stopReminders(); // finish the reminder rounds in flight
        await jobs.stop(); // finish in-flight jobs
        clearInterval(sealer);
        await sealing;
        await sealAuditLog(database.db, { wait: true }).catch((error: unknown) => log.error({ err: error }, 'audit.seal_failed'));
        await database.close();
      })();
      return closing;
    },
  };
  }
}

export interface Demo {
  hale: Hale;
  simulator: Simulator;
  phoneUrl: string;
  /** Staff accounts for the demo, with passwords made fresh at every start. */
  accounts: DemoAccount[];
  close(): Promise<void>;
}

const DEMO_PHONE_NUMBER_ID = '100000000000001';

/**
 * Demo mode (no Meta credentials): the WhatsApp simulator runs in this process on its own
 * port, with freshly generated secrets, and Hale talks to it over HTTP exactly as to Meta.
 */
export async function startDemo(env: Record<string, string | undefined>, options: StartOptions = {}): Promise<Demo> {
  const base = parseConfig(env);
  if (!base.ok) throw new Error(base.problems.join('\n'));
  const secrets = {
    WHATSAPP_PHONE_NUMBER_ID: DEMO_PHONE_NUMBER_ID,
    WHATSAPP_ACCESS_TOKEN: `demo-${randomBytes(16).toString('hex')}`,
    WHATSAPP_APP_SECRET: randomBytes(24).toString('hex'),
    WHATSAPP_VERIFY_TOKEN: randomBytes(12).toString('hex'),
  };
  const simulator = await createSimulator({
    webhookUrl: `http://${base.config.http.host}:${base.config.http.port}/webhooks/whatsapp`,
    appSecret: secrets.WHATSAPP_APP_SECRET,
    accessToken: secrets.WHATSAPP_ACCESS_TOKEN,
    phoneNumberId: secrets.WHATSAPP_PHONE_NUMBER_ID,
    apiVersion: base.config.whatsapp.apiVersion,
    mps: base.config.whatsapp.mps,
    businessName: 'Hale Demo Clinic',
  });
  try {
    const simulatorUrl = (await simulator.app.listen({ port: base.config.demo.simulatorPort, host: base.config.http.host })).replace('[::1]', 'localhost');
    const parsed = parseConfig({ ...env, ...secrets, WHATSAPP_API_URL: simulatorUrl });
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const hale = await startHale(parsed.config, options);
    // Hale's port may have been chosen by the OS (PORT=0): point the simulator at it.
    simulator.config.webhookUrl = `${hale.url}/webhooks/whatsapp`;
    const accounts = await hale.staff.createDemoAccounts();
    return {
      hale,
      simulator,
      phoneUrl: `${simulatorUrl}/simulator`,
      accounts,
      async close() {
        await simulator.close();
        await hale.close();
      },
    };
  } catch (error) {
    await simulator.close();
    throw error;
  }
}

async function runFromCommandLine(): Promise<void> {
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    for (const problem of parsed.problems) console.error(`Hale configuration error: ${problem}`);
    process.exit(1);
  }
  let running: { hale: Hale; close(): Promise<void>; phoneUrl?: string; accounts?: DemoAccount[] };
  try {
    running = parsed.config.demo.enabled ? await startDemo(process.env, { announce: true }) : await startHale(parsed.config, { announce: true }).then((hale) => ({ hale, close: () => hale.close() }));
  } catch (error) {
    console.error(`Hale could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const { hale } = running;
  const lines = [`  Hale is running at ${hale.url}`];
  if (running.phoneUrl !== undefined) {
    lines.push(
      '',
      '  Demo mode (no WhatsApp credentials set): a simulated WhatsApp is running too.',
      `  Chat as a patient:  ${running.phoneUrl}`,
      '  Connect a real number: see README, "Connect a real WhatsApp number".',
    );
  }
  lines.push('', `  Staff inbox:        ${hale.url}/`);
  for (const account of running.accounts ?? []) lines.push(`    ${account.role.padEnd(9)} ${account.email.padEnd(28)} password: ${account.password}`);
  lines.push('', `  Health: ${hale.url}/healthz   Readiness: ${hale.url}/readyz   Metrics: ${hale.url}/metrics`);
  console.log(`\n${lines.join('\n')}\n`);
  const shutdown = (signal: string) => {
    hale.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        hale.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (import.meta.main) await runFromCommandLine();
