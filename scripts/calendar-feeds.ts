/**
 * Prints each provider's calendar feed path (issue #5), for the operator to hand out:
 *
 *   npm run --silent calendar-feeds                 # "<provider id>\t/calendar/<id>/<token>.ics"
 *
 * Append the path to Hale's public URL. The token is an HMAC of the provider id under the
 * encryption key, so the same settings as `npm start` are needed (HALE_ENCRYPTION_KEY, or the
 * key in the data folder; CLINIC_CONFIG). Nothing is written; without a key it stops.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createFieldCipher } from '../src/adapters/crypto/create-field-cipher.ts';
import { demoClinicConfigPath, loadClinicConfig } from '../src/adapters/clinic-config/load-clinic-config.ts';
import { providerFeedToken } from '../src/app/build-provider-feed.ts';
import { parseConfig } from '../src/config.ts';

const parsed = parseConfig(process.env);
if (!parsed.ok) {
  for (const problem of parsed.problems) process.stderr.write(`configuration error: ${problem}\n`);
  process.exit(1);
}
const { config } = parsed;
let key: Buffer;
if (config.encryption.key !== undefined) {
  key = Buffer.from(config.encryption.key, 'base64');
} else {
  const file = path.resolve(config.dataDir, 'keys', 'encryption.key');
  try {
    key = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  } catch {
    process.stderr.write(`no encryption key: set HALE_ENCRYPTION_KEY or run where ${file} exists\n`);
    process.exit(1);
  }
}
const clinic = await loadClinicConfig(config.clinicConfigFile ?? demoClinicConfigPath);
const cipher = createFieldCipher(key);
for (const provider of clinic.providers) {
  process.stdout.write(`${provider.id}\t/calendar/${provider.id}/${providerFeedToken(cipher, provider.id)}.ics\n`);
}
