/** Confluent-shaped ids drawn from the injected IdSource (house rule 9). */
import type { IdSource } from '../../shared/index.js';

const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SECRET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Id prefixes of the resources the local cloud creates. */
export type IdPrefix = 'env' | 'lkc' | 'lsrc' | 'lfcp' | 'sa' | 'rb' | 'lcc' | 'u';

function draw(ids: IdSource, alphabet: string, n: number): string {
  const bytes = ids.bytes(n);
  let s = '';
  for (const b of bytes) s += alphabet[b % alphabet.length] ?? '';
  return s;
}

/** A new `<prefix>-xxxxx` id (5 lowercase alphanumerics; 6 when `long`). */
export function newId(ids: IdSource, prefix: IdPrefix, long = false): string {
  return `${prefix}-${draw(ids, LOWER, long ? 6 : 5)}`;
}

/** A new id that `taken` does not know, trying 5 then 6 characters. */
export function freshId(ids: IdSource, prefix: IdPrefix, taken: (id: string) => boolean): string {
  for (let attempt = 0; attempt < 64; attempt++) {
    const id = newId(ids, prefix, attempt >= 8);
    if (!taken(id)) return id;
  }
  throw new Error(`could not draw a free ${prefix} id`);
}

/** A 16-character uppercase alphanumeric API key id. */
export function newApiKeyId(ids: IdSource): string {
  return draw(ids, UPPER, 16);
}

/** A 64-character API key secret. */
export function newApiSecret(ids: IdSource): string {
  return draw(ids, SECRET, 64);
}

/** A random hex salt. */
export function newSalt(ids: IdSource): string {
  return Buffer.from(ids.bytes(16)).toString('hex');
}
