import assert from 'node:assert/strict';

export interface StaffClient {
  cookie: string;
  csrf: string;
  userId: string;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  get(path: string): Promise<{ status: number; body: any }>;
  post(path: string, body?: unknown): Promise<{ status: number; body: any }>;
}

/** Calls Hale's staff API as a browser would: JSON, the session cookie and the CSRF header. */
export function staffRequest(baseUrl: string, auth: { cookie?: string; csrf?: string; bearer?: string }) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(auth.cookie === undefined ? {} : { cookie: auth.cookie }),
        ...(auth.csrf === undefined ? {} : { 'x-csrf-token': auth.csrf }),
        ...(auth.bearer === undefined ? {} : { authorization: `Bearer ${auth.bearer}` }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed as any };
  };
}

export async function signIn(baseUrl: string, email: string, password: string, totp?: string): Promise<StaffClient> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, ...(totp === undefined ? {} : { totp }) }),
  });
  const body = (await res.json()) as { csrfToken: string; user: { id: string } };
  assert.equal(res.status, 200, `sign-in of ${email}: ${JSON.stringify(body)}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const request = staffRequest(baseUrl, { cookie, csrf: body.csrfToken });
  return { cookie, csrf: body.csrfToken, userId: body.user.id, request, get: (p) => request('GET', p), post: (p, b) => request('POST', p, b ?? {}) };
}

/** The first admin (from the environment) plus a front-desk agent and a clinician, each signed in. */
export const FIRST_ADMIN = { email: 'lead@clinic.example', password: 'first-admin-password' } as const;
export const FIRST_ADMIN_ENV = { HALE_ADMIN_EMAIL: FIRST_ADMIN.email, HALE_ADMIN_PASSWORD: FIRST_ADMIN.password } as const;

export async function signInEveryRole(baseUrl: string): Promise<{ admin: StaffClient; agent: StaffClient; clinician: StaffClient }> {
  const admin = await signIn(baseUrl, FIRST_ADMIN.email, FIRST_ADMIN.password);
  for (const [role, email] of [['agent', 'desk@clinic.example'], ['clinician', 'doc@clinic.example']] as const) {
    const created = await admin.post('/api/v1/admin/users', { email, displayName: role, role, password: `password-of-${role}` });
    assert.equal(created.status, 201, JSON.stringify(created.body));
  }
  return {
    admin,
    agent: await signIn(baseUrl, 'desk@clinic.example', 'password-of-agent'),
    clinician: await signIn(baseUrl, 'doc@clinic.example', 'password-of-clinician'),
  };
}
