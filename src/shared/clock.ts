/** Time and ids come from injected sources so tests and goldens are deterministic (house rule 9). */
import { randomBytes, randomUUID } from 'node:crypto';

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export interface IdSource {
  /** `n` random bytes. */
  bytes(n: number): Uint8Array;
  uuid(): string;
}

export const systemClock: Clock = { now: () => Date.now() };

export const systemIds: IdSource = {
  bytes: (n) => new Uint8Array(randomBytes(n)),
  uuid: () => randomUUID(),
};

/** A clock that starts at `start` and only moves when told: for tests. */
export function fixedClock(start: number): Clock & { advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => { t += ms; } };
}

/** A deterministic id source (xorshift) for tests and reproducible runs. */
export function seededIds(seed: number): IdSource {
  let s = seed >>> 0 || 1;
  const next = (): number => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s; };
  const bytes = (n: number): Uint8Array => { const b = new Uint8Array(n); for (let i = 0; i < n; i++) b[i] = next() & 0xff; return b; };
  return {
    bytes,
    uuid: () => {
      const b = bytes(16);
      b[6] = (b[6]! & 0x0f) | 0x40; b[8] = (b[8]! & 0x3f) | 0x80;
      const h = Buffer.from(b).toString('hex');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
}
