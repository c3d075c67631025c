/**
 * Exact DECIMAL arithmetic. A DECIMAL(p, s) value is a bigint holding the unscaled value
 * (1.50 in DECIMAL(5, 2) is 150n); the scale lives in the type, which every compiled closure knows.
 * Rounding is HALF_UP (Java's BigDecimal default in Flink); results that exceed the precision are
 * NULL, as Flink's DecimalData does.
 */

const POW10: bigint[] = [];
for (let i = 0, p = 1n; i <= 80; i++, p *= 10n) POW10.push(p);

/** 10^n as bigint. */
export function pow10(n: number): bigint {
  return POW10[n] ?? 10n ** BigInt(n);
}

/** True when `u` has at most `precision` digits. */
export function fitsPrecision(u: bigint, precision: number): boolean {
  const lim = pow10(precision);
  return u < lim && u > -lim;
}

/** Divides with HALF_UP rounding (away from zero on ties). */
export function divHalfUp(a: bigint, b: bigint): bigint {
  const q = a / b;
  const r = a % b;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  const bb = b < 0n ? -b : b;
  if (twice >= bb) return (a < 0n) !== (b < 0n) ? q - 1n : q + 1n;
  return q;
}

/** Changes the scale of an unscaled value, rounding HALF_UP when the scale shrinks. */
export function rescale(u: bigint, from: number, to: number): bigint {
  if (to === from) return u;
  if (to > from) return u * pow10(to - from);
  return divHalfUp(u, pow10(from - to));
}

/** Changes the scale truncating toward zero (TRUNCATE, casts to integers). */
export function rescaleDown(u: bigint, from: number, to: number): bigint {
  if (to >= from) return u * pow10(to - from);
  return u / pow10(from - to);
}

/** Rescales and checks precision: the value to store in DECIMAL(p, s), or null on overflow. */
export function toDecimal(u: bigint, fromScale: number, precision: number, scale: number): bigint | null {
  const r = rescale(u, fromScale, scale);
  return fitsPrecision(r, precision) ? r : null;
}

/** Plain (non-scientific) text of an unscaled value: BigDecimal.toPlainString. */
export function decimalToString(u: bigint, scale: number): string {
  if (scale <= 0) return (scale === 0 ? u : u * pow10(-scale)).toString();
  const neg = u < 0n;
  let digits = (neg ? -u : u).toString();
  if (digits.length <= scale) digits = '0'.repeat(scale - digits.length + 1) + digits;
  const cut = digits.length - scale;
  return `${neg ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

/** Nearest double of a decimal value. */
export function decimalToNumber(u: bigint, scale: number): number {
  if (scale === 0) return Number(u);
  if (u >= -9007199254740991n && u <= 9007199254740991n && scale <= 22) return Number(u) / 10 ** scale;
  return Number(decimalToString(u, scale));
}

const DECIMAL_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Parses decimal text (trimmed by the caller) into an unscaled value at `scale`, rounding HALF_UP.
 * Returns undefined when the text is not a number.
 */
export function parseDecimal(text: string, scale: number): bigint | undefined {
  const m = DECIMAL_RE.exec(text);
  if (!m) return undefined;
  const intPart = m[2] ?? '';
  const frac = m[3] ?? '';
  if (intPart === '' && frac === '') return undefined;
  const exp = m[4] !== undefined ? Number(m[4]) : 0;
  let u = BigInt((intPart + frac) || '0');
  if (m[1] === '-') u = -u;
  return rescale(u, frac.length - exp, scale);
}

/** A double as a decimal at `scale`, via its shortest decimal text (Java's BigDecimal.valueOf). */
export function decimalFromNumber(x: number, scale: number): bigint | undefined {
  if (!Number.isFinite(x)) return undefined;
  return parseDecimal(String(x), scale);
}

/** Compares two unscaled values with possibly different scales. */
export function compareDecimal(a: bigint, sa: number, b: bigint, sb: number): number {
  if (sa !== sb) {
    if (sa < sb) a *= pow10(sb - sa); else b *= pow10(sa - sb);
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ROUND(x, r) for a decimal of scale s, kept at scale `outScale`. */
export function roundDecimal(u: bigint, s: number, r: number, outScale: number): bigint {
  if (r >= s) return rescale(u, s, outScale);
  const rounded = divHalfUp(u, pow10(s - r));
  return r >= 0 ? rescale(rounded, r, outScale) : rounded * pow10(-r) * pow10(outScale);
}

/** TRUNCATE(x, r) for a decimal of scale s, kept at scale `outScale`. */
export function truncateDecimal(u: bigint, s: number, r: number, outScale: number): bigint {
  if (r >= s) return rescale(u, s, outScale);
  const t = u / pow10(s - r);
  return r >= 0 ? rescale(t, r, outScale) : t * pow10(-r) * pow10(outScale);
}
