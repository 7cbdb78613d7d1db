/** The signed-in staff member, for components that adapt to the role (e.g. clinical sections). */
import { createContext, useContext } from 'react';
import type { MeResponse, StaffRoleName } from '../../src/contracts/staff-api.ts';

export const Me = createContext<MeResponse | undefined>(undefined);
export const useMe = () => useContext(Me);
export const useRole = (): StaffRoleName | undefined => useContext(Me)?.user.role;
export const isClinical = (role: StaffRoleName | undefined) => role === 'admin' || role === 'clinician';
