/**
 * Route authorization for the staff API, as one Fastify plugin. Install it before any route;
 * then every route under /api/v1 MUST declare who may call it, or Hale refuses to start:
 *
 *   app.post('/api/v1/triage', { config: { roles: ['clinician', 'admin'] } }, handler)
 *   app.post('/api/v1/auth/login', { config: { roles: 'public' } }, handler)
 *
 * The check runs on the server for each request: a session cookie (httpOnly, SameSite=Strict)
 * or an API token (`Authorization: Bearer hale_…`); 401 without either, 403 for a role the
 * route does not admit. State-changing requests with a session cookie must carry the
 * session's CSRF token in `x-csrf-token` and come from Hale's own origin.
 */
import { timingSafeEqual } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import type { StaffPrincipal, StaffUserRecord } from '../../app/staff/staff-ports.ts';
import { DomainError } from '../../core/domain-error.ts';
import type { StaffRole } from '../../core/staff/staff-role.ts';

export const SESSION_COOKIE = 'hale_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route: the roles admitted, or 'public' (no sign-in). Required under /api/v1. */
    roles?: readonly StaffRole[] | 'public';
    /** Allowed to a production admin who has not set up a second factor yet (sign-out, TOTP set-up). */
    beforeTotp?: boolean;
  }
  interface FastifyRequest {
    staff?: StaffRequestContext;
  }
}

export interface StaffRequestContext {
  principal: StaffPrincipal;
  /** Set for cookie sessions. */
  session?: { token: string; user: StaffUserRecord; csrfToken: string; totpSetupRequired: boolean };
}

export interface StaffAuthOptions {
  authenticateSession(token: string): Promise<{ principal: StaffPrincipal; user: StaffUserRecord; csrfToken: string; totpSetupRequired: boolean } | undefined>;
  authenticateToken(token: string): Promise<StaffPrincipal | undefined>;
  /** Secure cookies (HTTPS only): on in production. */
  secureCookies: boolean;
}

export interface RouteEntry {
  method: string;
  url: string;
  roles: readonly StaffRole[] | 'public' | undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Installs cookie parsing and the authorization hook; returns the table of every route registered afterwards. */
export async function installStaffAuth(app: FastifyInstance, options: StaffAuthOptions): Promise<RouteEntry[]> {
  await app.register(fastifyCookie);
  const routes: RouteEntry[] = [];

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const roles = route.config?.roles;
    for (const method of methods) routes.push({ method, url: route.url ?? route.path, roles });
    if ((route.url ?? '').startsWith('/api/v1') && roles === undefined) {
      throw new Error(`route ${methods.join(',')} ${route.url} declares no roles (config.roles): every /api/v1 route must say who may call it`);
    }
    if (roles === undefined) return;
    const guard = guardFor(options, roles, route.config?.beforeTotp === true);
    const existing = route.preHandler === undefined ? [] : Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler];
    route.preHandler = [guard, ...existing];
  });
  return routes;
}

function guardFor(options: StaffAuthOptions, roles: readonly StaffRole[] | 'public', beforeTotp: boolean): preHandlerHookHandler {
  return async function staffGuard(request: FastifyRequest, reply: FastifyReply) {
    if (!SAFE_METHODS.has(request.method) && !sameOrigin(request)) throw new DomainError('csrf_failed', 'request from another site refused');
    if (roles === 'public') return;
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer !== undefined) {
      const principal = await options.authenticateToken(bearer);
      if (principal === undefined) throw new DomainError('unauthenticated', 'the API token is unknown or revoked');
      request.staff = { principal };
    } else {
      const token = request.cookies[SESSION_COOKIE];
      const session = token === undefined ? undefined : await options.authenticateSession(token);
      if (token === undefined || session === undefined) {
        if (token !== undefined) void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        throw new DomainError('unauthenticated', 'sign in first');
      }
      if (!SAFE_METHODS.has(request.method) && !sameSecret(request.headers['x-csrf-token'], session.csrfToken)) {
        throw new DomainError('csrf_failed', 'missing or wrong x-csrf-token header');
      }
      request.staff = { principal: session.principal, session: { token, user: session.user, csrfToken: session.csrfToken, totpSetupRequired: session.totpSetupRequired } };
      if (session.totpSetupRequired && !beforeTotp) throw new DomainError('totp_required', 'set up a second factor (authenticator app) first');
    }
    if (!roles.includes(request.staff.principal.role)) throw new DomainError('forbidden', 'your role does not allow this');
  };
}

/** Browsers send Origin on state-changing requests; it must be Hale's own (behind a proxy: X-Forwarded-Host). */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true; // not a browser cross-site request (curl, integrations)
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The signed-in caller (the guard ran before every route that declares roles). */
export function principalOf(request: FastifyRequest): StaffPrincipal {
  if (request.staff === undefined) throw new DomainError('unauthenticated', 'sign in first');
  return request.staff.principal;
}
