import type { ClinicConfig, Provider } from '../core/clinic/clinic-config.ts';
import { practitionersForService } from '../core/scheduling/practitioners-for-service.ts';

export interface ProviderSummary {
  id: string;
  name: string;
  departments: string[];
  /** Services this provider can be booked for. */
  services: string[];
  timeZone: string;
  weeklyHours: Provider['weeklyHours'];
  exceptions: Provider['exceptions'];
}

/**
 * Staff: the providers (FHIR Practitioner + Schedule) with their services, weekly hours (the
 * clinic's opening hours when they have none) and exceptions, as configured.
 */
export function listProviders(clinic: ClinicConfig): ProviderSummary[] {
  const serviceIds = clinic.departments.flatMap((d) => d.services.map((s) => s.id));
  return clinic.providers.map((p) => ({
    id: p.id,
    name: p.name,
    departments: [...p.departments],
    services: serviceIds.filter((serviceId) => practitionersForService(clinic, serviceId).some((x) => x.id === p.id)),
    timeZone: p.timeZone ?? clinic.clinic.timeZone,
    weeklyHours: p.weeklyHours ?? clinic.openingHours,
    exceptions: p.exceptions,
  }));
}
