/**
 * What every section of the patient panel receives. A section is one component in its own
 * file (AppointmentsSection.tsx, VitalsSection.tsx, …), listed once in PatientPanel.tsx's
 * `sections`; it renders its own <section> with a heading, or nothing.
 */
import type { PatientView, StaffRoleName } from '../../src/contracts/staff-api.ts';

export interface PanelSectionProps {
  patient: PatientView;
  role: StaffRoleName | undefined;
  /** Bumps when the conversation or the patient changed elsewhere (realtime): reload your data. */
  refresh: number;
  /** Call after a change that alters the patient record (appointments…): the panel reloads it. */
  onPatientChanged(): void;
}

const locale = () => document.documentElement.lang || undefined;

/** 22 Nov 2026 */
export const formatDay = (iso: string) => new Date(iso.length === 10 ? `${iso}T12:00:00` : iso).toLocaleDateString(locale(), { day: 'numeric', month: 'short', year: 'numeric' });
/** Mon 23 Nov, 09:00 */
export const formatWhen = (iso: string) => new Date(iso).toLocaleString(locale(), { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
/** 23 Nov, 09:00 (tables) */
export const formatShort = (iso: string) => {
  const d = new Date(iso);
  return `${d.toLocaleDateString(locale(), { day: 'numeric', month: 'short' })} ${d.toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit', hour12: false })}`;
};
/** Monday 23 November, 09:00 (for screen-reader labels) */
export const formatWhenLong = (iso: string) => new Date(iso).toLocaleString(locale(), { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
