/**
 * The Blowfish cipher state bcrypt is built on. The initial P-array and S-boxes are, by
 * definition, the hexadecimal digits of pi's fractional part; they are computed once (Machin's
 * formula with BigInt, a few milliseconds) instead of being pasted as a 4 KB table.
 */

const P_WORDS = 18;
const S_WORDS = 1024;

let initial: Uint32Array | undefined;

/** The first `count` 32-bit words of pi's fractional part in hexadecimal (P1 = 0x243f6a88). */
export function piWords(count: number): Uint32Array {
  const guard = 64n;
  const bits = BigInt(count * 32) + guard;
  const one = 1n << bits;
  const pi = 16n * arctanInverse(5n, one) - 4n * arctanInverse(239n, one);
  let frac = (pi - 3n * one) >> guard;
  const out = new Uint32Array(count);
  for (let i = count - 1; i >= 0; i--) {
    out[i] = Number(frac & 0xffffffffn);
    frac >>= 32n;
  }
  return out;
}

/** arctan(1/x) scaled by `one`, by its Taylor series. */
function arctanInverse(x: bigint, one: bigint): bigint {
  const x2 = x * x;
  let power = one / x;
  let sum = power;
  let sign = -1n;
  for (let n = 3n; power !== 0n; n += 2n) {
    power /= x2;
    sum += sign * (power / n);
    sign = -sign;
  }
  return sum;
}

/** A mutable Blowfish state: P-array followed by the four S-boxes. */
export class BlowfishState {
  readonly #p: Uint32Array;
  readonly #s: Uint32Array;

  constructor() {
    initial ??= piWords(P_WORDS + S_WORDS);
    this.#p = initial.slice(0, P_WORDS);
    this.#s = initial.slice(P_WORDS);
  }

  /** Encrypts the 64-bit block lr[off], lr[off + 1] in place. */
  encrypt(lr: Uint32Array, off: number): void {
    const p = this.#p, s = this.#s;
    let l = lr[off] ?? 0, r = lr[off + 1] ?? 0;
    for (let i = 0; i < 16; i += 2) {
      l ^= p[i] ?? 0;
      r ^= ((((s[l >>> 24] ?? 0) + (s[256 | ((l >>> 16) & 0xff)] ?? 0)) ^ (s[512 | ((l >>> 8) & 0xff)] ?? 0)) + (s[768 | (l & 0xff)] ?? 0));
      r ^= p[i + 1] ?? 0;
      l ^= ((((s[r >>> 24] ?? 0) + (s[256 | ((r >>> 16) & 0xff)] ?? 0)) ^ (s[512 | ((r >>> 8) & 0xff)] ?? 0)) + (s[768 | (r & 0xff)] ?? 0));
    }
    lr[off] = r ^ (p[17] ?? 0);
    lr[off + 1] = l ^ (p[16] ?? 0);
  }

  /**
   * Blowfish key schedule with bcrypt's salt: XOR the key into P, then re-encrypt a block that
   * is XORed with the salt (when given) to fill P and the S-boxes.
   */
  expandKey(key: Uint8Array, salt: Uint8Array | undefined): void {
    const p = this.#p, s = this.#s;
    const keyStream = streamWords(key);
    for (let i = 0; i < P_WORDS; i++) p[i] = ((p[i] ?? 0) ^ keyStream()) >>> 0;
    const saltStream = salt ? streamWords(salt) : () => 0;
    const lr = new Uint32Array(2);
    const fill = (target: Uint32Array): void => {
      for (let i = 0; i < target.length; i += 2) {
        lr[0] = (lr[0] ?? 0) ^ saltStream();
        lr[1] = (lr[1] ?? 0) ^ saltStream();
        this.encrypt(lr, 0);
        target[i] = lr[0] ?? 0;
        target[i + 1] = lr[1] ?? 0;
      }
    };
    fill(p);
    fill(s);
  }
}

/** Reads big-endian 32-bit words from `data`, cycling back to its start. */
function streamWords(data: Uint8Array): () => number {
  let j = 0;
  return () => {
    let w = 0;
    for (let k = 0; k < 4; k++) {
      w = ((w << 8) | (data[j] ?? 0)) >>> 0;
      j = (j + 1) % data.length;
    }
    return w;
  };
}
