import type { ClinicConfig, ProviderException, WeeklyHours } from '../core/clinic/clinic-config.ts';
import { DomainError } from '../core/domain-error.ts';
import { blocksTime } from '../core/scheduling/appointment-status.ts';
import { expandWorkingHours } from '../core/scheduling/expand-working-hours.ts';
import type { Clock, Logger, ProviderScheduleRecord, Transactor } from './ports.ts';

/**
 * Staff-edited schedules (issue 5, ADR 18). The clinic configuration gives each provider's
 * weekly hours and exceptions; staff may replace them through the API. Every Hale process keeps
 * the clinic configuration in memory, so a sync applies the stored rows to it: at start, every
 * few seconds, and at once in the process that made the change.
 */
export interface ScheduleSync {
  /** The clinic configuration with each provider's schedule as staff last set it (a live view). */
  clinic: ClinicConfig;
  /** Reads the stored schedules and applies them to the live view. */
  refresh(): Promise<void>;
  /** The stored row of a provider, when staff changed their schedule. */
  stored(practitionerId: string): ProviderScheduleRecord | undefined;
}

/**
 * The loaded configuration is frozen; the live view is a copy whose `providers` is replaced by
 * a new array of new provider objects when the stored schedules change (the scheduling code
 * memoizes per object, so nothing is ever edited in place).
 */
export function createScheduleSync(deps: { tx: Transactor; clinic: ClinicConfig }): ScheduleSync {
  const configured = deps.clinic.providers;
  let providers: ClinicConfig['providers'] = configured;
  const clinic = Object.defineProperty({ ...deps.clinic }, 'providers', { get: () => providers, enumerable: true }) as ClinicConfig;
  let rows = new Map<string, ProviderScheduleRecord>();
  let signature = '';
  let running: Promise<void> | undefined;
  const apply = () => {
    providers = configured.map((provider) => {
      const row = rows.get(provider.id);
      if (row === undefined) return provider;
      const { weeklyHours: _configuredHours, exceptions: _configuredExceptions, ...rest } = provider;
      const weeklyHours = row.weeklyHours ?? provider.weeklyHours;
      return { ...rest, ...(weeklyHours === undefined ? {} : { weeklyHours }), exceptions: row.exceptions };
    });
  };
  return {
    clinic,
    refresh() {
      // Always a read that starts after this call (one already under way may predate a change just committed).
      const read = (running ?? Promise.resolve()).then(async () => {
        const all = await deps.tx.direct((repos) => repos.providerSchedules.all());
        const next = JSON.stringify(all);
        if (next === signature) return;
        signature = next;
        rows = new Map(all.map((row) => [row.practitionerId, row]));
        apply();
      });
      running = read.catch(() => undefined);
      return read;
    },
    stored: (practitionerId) => rows.get(practitionerId),
  };
}

type Deps = { tx: Transactor; clock: Clock; clinic: ClinicConfig; schedules: ScheduleSync; log?: Pick<Logger, 'info'> };

export interface ProviderScheduleView {
  practitionerId: string;
  name: string;
  timeZone: string;
  /** The provider's own weekly hours, or the clinic's opening hours when they have none. */
  weeklyHours: WeeklyHours;
  exceptions: ProviderException[];
  source: 'configuration' | 'staff';
  updatedAt?: string;
  updatedBy?: string;
  /** Upcoming active appointments that the current schedule no longer covers: staff move or cancel them. */
  appointmentsOutsideHours?: Array<{ appointmentId: string; start: string }>;
}

function providerOf(clinic: ClinicConfig, practitionerId: string) {
  const provider = clinic.providers.find((p) => p.id === practitionerId);
  if (provider === undefined) throw new DomainError('not_found', `unknown provider "${practitionerId}"`);
  return provider;
}

function view(deps: Deps, practitionerId: string): ProviderScheduleView {
  const provider = providerOf(deps.clinic, practitionerId);
  const row = deps.schedules.stored(practitionerId);
  return {
    practitionerId,
    name: provider.name,
    timeZone: provider.timeZone ?? deps.clinic.clinic.timeZone,
    weeklyHours: provider.weeklyHours ?? deps.clinic.openingHours,
    exceptions: provider.exceptions,
    source: row === undefined ? 'configuration' : 'staff',
    ...(row === undefined ? {} : { updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedBy }),
  };
}

export async function getProviderSchedule(deps: Deps, practitionerId: string): Promise<ProviderScheduleView> {
  await deps.schedules.refresh();
  return view(deps, practitionerId);
}

/**
 * Replaces a provider's exceptions and, when given, weekly hours. Appointments already booked
 * stay: the answer lists the upcoming ones the new schedule no longer covers.
 */
export async function setProviderSchedule(
  deps: Deps & { outsideHours: (practitionerId: string, now: Date) => Promise<Array<{ appointmentId: string; start: string }>> },
  input: { practitionerId: string; staffId: string; weeklyHours?: WeeklyHours; exceptions: ProviderException[] },
): Promise<ProviderScheduleView> {
  providerOf(deps.clinic, input.practitionerId);
  const now = deps.clock.now();
  await deps.tx.run(async (repos) => {
    await repos.providerSchedules.put({ practitionerId: input.practitionerId, weeklyHours: input.weeklyHours, exceptions: input.exceptions, updatedBy: input.staffId, updatedAt: now });
    await repos.audit.append(
      {
        actorType: 'staff',
        actorId: input.staffId,
        action: 'schedule.updated',
        entityType: 'Schedule',
        entityId: input.practitionerId,
        outcome: 'success',
        detail: { weeklyHours: input.weeklyHours !== undefined, exceptions: input.exceptions.length },
      },
      now,
    );
  });
  await deps.schedules.refresh();
  const conflicts = await deps.outsideHours(input.practitionerId, now);
  return { ...view(deps, input.practitionerId), appointmentsOutsideHours: conflicts };
}

/** Adds one exception (e.g. "Dr. Weber is off tomorrow") to the provider's current schedule. */
export async function addProviderException(
  deps: Parameters<typeof setProviderSchedule>[0],
  input: { practitionerId: string; staffId: string; exception: ProviderException },
): Promise<ProviderScheduleView> {
  await deps.schedules.refresh();
  const provider = providerOf(deps.clinic, input.practitionerId);
  const row = deps.schedules.stored(input.practitionerId);
  return setProviderSchedule(deps, {
    practitionerId: input.practitionerId,
    staffId: input.staffId,
    ...(row?.weeklyHours === undefined ? {} : { weeklyHours: row.weeklyHours }),
    exceptions: [...provider.exceptions, input.exception],
  });
}

/** Back to the clinic configuration's schedule for this provider. */
export async function resetProviderSchedule(deps: Deps, input: { practitionerId: string; staffId: string }): Promise<ProviderScheduleView> {
  providerOf(deps.clinic, input.practitionerId);
  const now = deps.clock.now();
  const removed = await deps.tx.run(async (repos) => {
    const done = await repos.providerSchedules.remove(input.practitionerId);
    if (done) {
      await repos.audit.append({ actorType: 'staff', actorId: input.staffId, action: 'schedule.reset', entityType: 'Schedule', entityId: input.practitionerId, outcome: 'success' }, now);
    }
    return done;
  });
  if (!removed) throw new DomainError('not_found', 'this provider has no staff-edited schedule');
  await deps.schedules.refresh();
  return view(deps, input.practitionerId);
}

/**
 * Upcoming active appointments of a provider (within the booking horizon) that their working
 * hours no longer cover, soonest first.
 */
export async function appointmentsOutsideHours(deps: Pick<Deps, 'tx' | 'clinic'>, practitionerId: string, now: Date): Promise<Array<{ appointmentId: string; start: string }>> {
  const provider = providerOf(deps.clinic, practitionerId);
  const range = { from: now, to: new Date(now.getTime() + (deps.clinic.scheduling.horizonDays + 1) * 86_400_000) };
  const appointments = await deps.tx.direct((repos) => repos.appointments.listForPractitioner(practitionerId, range));
  if (appointments.length === 0) return [];
  // Video appointments need only the provider's hours; the clinic's opening hours are not checked here.
  const open = expandWorkingHours(provider, deps.clinic, { from: new Date(range.from.getTime() - 86_400_000), to: new Date(range.to.getTime() + 86_400_000) });
  return appointments
    .filter((a) => blocksTime(a.status) && a.start.getTime() >= now.getTime())
    .filter((a) => !open.some((i) => i.start <= a.start.getTime() && a.end.getTime() <= i.end))
    .sort((a, b) => a.start.getTime() - b.start.getTime())
    .map((a) => ({ appointmentId: a.id, start: a.start.toISOString() }));
}
