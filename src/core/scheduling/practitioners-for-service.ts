import type { ClinicConfig, Provider } from '../clinic/clinic-config.ts';

/**
 * Providers who offer a service, in configuration order: those listing it in `services`, or,
 * without `services`, those in the department the service belongs to.
 */
export function practitionersForService(clinic: Pick<ClinicConfig, 'departments' | 'providers'>, serviceId: string): Provider[] {
  const department = clinic.departments.find((d) => d.services.some((s) => s.id === serviceId));
  if (department === undefined) return [];
  return clinic.providers.filter((p) => (p.services === undefined ? p.departments.includes(department.id) : p.services.includes(serviceId)));
}
