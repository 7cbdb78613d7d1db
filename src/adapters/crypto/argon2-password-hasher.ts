import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../../app/staff/staff-ports.ts';

/** argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane); the parameters live in each hash. */
export function argon2PasswordHasher(): PasswordHasher {
  return {
    hash: (password) => hash(password, { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 }),
    async verify(stored, password) {
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
  };
}
