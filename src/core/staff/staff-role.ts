/** Who a staff member is to Hale. Routes list the roles they admit (src/adapters/http). */
export const staffRoles = ['admin', 'agent', 'clinician'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** Every role: for routes any signed-in staff member may use. */
export const anyStaff: readonly StaffRole[] = staffRoles;

export function isStaffRole(value: string): value is StaffRole {
  return (staffRoles as readonly string[]).includes(value);
}
