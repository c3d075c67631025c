/** API key secrets are stored as salted scrypt hashes (`scrypt$<salt>$<hash>`), never in clear. */
import { scryptSync, timingSafeEqual } from 'node:crypto';

const KEY_LEN = 32;
// Low cost parameters: the secrets are 64 random characters, so brute force is not the threat;
// the hash only keeps secrets out of the database file.
const PARAMS = { N: 1024, r: 8, p: 1 } as const;

/** Hashes `secret` with `salt` (hex or any string). */
export function hashSecret(secret: string, salt: string): string {
  const h = scryptSync(secret, salt, KEY_LEN, PARAMS).toString('hex');
  return `scrypt$${salt}$${h}`;
}

/** True when `secret` matches a stored hash. */
export function verifySecret(secret: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 3 || parts[0] !== 'scrypt') return false;
  const salt = parts[1] ?? '';
  const expected = Buffer.from(parts[2] ?? '', 'hex');
  const actual = scryptSync(secret, salt, KEY_LEN, PARAMS);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
