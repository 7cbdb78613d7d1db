import { Secret, TOTP } from 'otpauth';
import type { TotpService } from '../../app/staff/staff-ports.ts';

/** RFC 6238 codes (6 digits, 30 s, SHA-1: what every authenticator app reads). */
export function totpService(): TotpService {
  const totp = (secret: string, label = 'Hale', issuer = 'Hale') => new TOTP({ secret: Secret.fromBase32(secret), label, issuer, digits: 6, period: 30, algorithm: 'SHA1' });
  return {
    generateSecret: () => new Secret({ size: 20 }).base32,
    uri: (secret, label, issuer) => totp(secret, label, issuer).toString(),
    verify: (secret, code, now) => totp(secret).validate({ token: code, timestamp: now.getTime(), window: 1 }) !== null,
  };
}
