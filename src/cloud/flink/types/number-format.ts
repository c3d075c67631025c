/**
 * Java's Double.toString / Float.toString, which Flink uses for CAST(DOUBLE AS STRING) and result
 * rendering: plain notation for 1e-3 <= |x| < 1e7 with at least one fractional digit ("1.5", "100.0"),
 * otherwise "d.dddE±n" ("1.0E10", "1.0E-4"); the shortest digits that read back to the same value.
 */

/** Formats a DOUBLE like Java's Double.toString. */
export function formatDouble(x: number): string {
  if (x !== x) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const e = x.toExponential();
  return javaStyle(e);
}

/** Formats a FLOAT (already Math.fround-ed) like Java's Float.toString. */
export function formatFloat(x: number): string {
  if (x !== x || x === Infinity || x === -Infinity || x === 0) return formatDouble(x);
  for (let p = 1; p <= 9; p++) {
    const s = x.toExponential(p - 1);
    if (Math.fround(Number(s)) === x) return javaStyle(trimExp(s));
  }
  return javaStyle(x.toExponential(8));
}

function trimExp(s: string): string {
  // toExponential(n) may keep trailing zeros in the mantissa: 1.50e+0 -> 1.5e+0
  const i = s.indexOf('e');
  let m = s.slice(0, i);
  if (m.includes('.')) m = m.replace(/0+$/, '').replace(/\.$/, '');
  return m + s.slice(i);
}

function javaStyle(exp: string): string {
  const i = exp.indexOf('e');
  let mant = exp.slice(0, i);
  const e10 = Number(exp.slice(i + 1));
  const neg = mant.startsWith('-');
  if (neg) mant = mant.slice(1);
  const digits = mant.replace('.', '');
  let out: string;
  if (e10 >= -3 && e10 < 7) {
    if (e10 >= 0) {
      const intLen = e10 + 1;
      const intPart = digits.length >= intLen ? digits.slice(0, intLen) : digits + '0'.repeat(intLen - digits.length);
      const frac = digits.length > intLen ? digits.slice(intLen) : '0';
      out = `${intPart}.${frac}`;
    } else {
      out = `0.${'0'.repeat(-e10 - 1)}${digits}`;
    }
  } else {
    const frac = digits.length > 1 ? digits.slice(1) : '0';
    out = `${digits[0] ?? '0'}.${frac}E${e10}`;
  }
  return neg ? `-${out}` : out;
}
