/**
 * bcrypt (`$2a$`, as Go's golang.org/x/crypto/bcrypt writes it) for random_password's
 * `bcrypt_hash`. Written here because no bcrypt package is installed; checked against libxcrypt
 * test vectors. Default cost 10 as upstream (about a tenth of a second per hash).
 */
import type { IdSource } from '../../../shared/index.js';
import { BlowfishState } from './blowfish-state.js';

const ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const MAGIC = 'OrpheanBeholderScryDoubt';
/** The cost Go's bcrypt.DefaultCost uses. */
export const DEFAULT_BCRYPT_COST = 10;

/** The bcrypt hash of `password` with a fresh random salt. */
export function bcryptHash(password: string, ids: IdSource, cost = DEFAULT_BCRYPT_COST): string {
  return bcryptWithSalt(password, ids.bytes(16), cost);
}

/** The bcrypt hash of `password` with the given 16-byte salt (deterministic; for tests and checks). */
export function bcryptWithSalt(password: string, salt: Uint8Array, cost: number): string {
  if (salt.length !== 16) throw new RangeError('bcrypt salt must be 16 bytes');
  if (!Number.isInteger(cost) || cost < 4 || cost > 31) throw new RangeError('bcrypt cost must be 4..31');
  // The key is the password and its terminating NUL, cut at 72 bytes.
  const key = Buffer.concat([Buffer.from(password, 'utf8'), Buffer.from([0])]).subarray(0, 72);
  const state = new BlowfishState();
  state.expandKey(key, salt);
  for (let i = 0; i < 2 ** cost; i++) {
    state.expandKey(key, undefined);
    state.expandKey(salt, undefined);
  }
  const magic = Buffer.from(MAGIC, 'latin1');
  const words = new Uint32Array(6);
  for (let i = 0; i < 6; i++) words[i] = magic.readUInt32BE(i * 4);
  for (let round = 0; round < 64; round++) for (let b = 0; b < 6; b += 2) state.encrypt(words, b);
  const out = Buffer.alloc(24);
  for (let i = 0; i < 6; i++) out.writeUInt32BE(words[i] ?? 0, i * 4);
  return `$2a$${String(cost).padStart(2, '0')}$${encode(salt)}${encode(out.subarray(0, 23))}`;
}

/** Decodes the 22-character salt of a bcrypt hash. */
export function bcryptSalt(hash: string): Uint8Array | undefined {
  const m = /^\$2[abxy]?\$\d\d\$([./A-Za-z0-9]{22})/.exec(hash);
  return m?.[1] === undefined ? undefined : decode(m[1], 16);
}

/** bcrypt's base64: its own alphabet, no padding. */
function encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0, b1 = bytes[i + 1] ?? 0, b2 = bytes[i + 2] ?? 0;
    const n = (b0 << 16) | (b1 << 8) | b2;
    const chars = i + 1 >= bytes.length ? 2 : i + 2 >= bytes.length ? 3 : 4;
    for (let c = 0; c < chars; c++) out += ALPHABET[(n >>> (18 - 6 * c)) & 63] ?? '';
  }
  return out;
}

function decode(text: string, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let acc = 0, bits = 0, j = 0;
  for (const ch of text) {
    acc = (acc << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8 && j < length) {
      bits -= 8;
      out[j++] = (acc >>> bits) & 0xff;
    }
  }
  return out;
}
