/**
 * Calendar arithmetic and text forms of DATE (days since 1970-01-01), TIME (millis of day) and
 * TIMESTAMP (epoch millis of the wall-clock time; micros as an exact fraction, see values.ts).
 * Proleptic Gregorian calendar, like java.time.
 */

/** Milliseconds in a day. */
export const MS_PER_DAY = 86_400_000;

/** Days since epoch of a civil date (month 1-12). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date [year, month 1-12, day] of days since epoch. */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** True for leap years. */
export function isLeapYear(y: number): boolean { return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; }
/** Days in a month. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 31;
}

/** Epoch-millis value split into whole millis and the sub-milli nanos. */
export function splitMillis(ts: number): [number, number] {
  const ms = Math.floor(ts);
  if (ms === ts) return [ms, 0];
  return [ms, Math.round((ts - ms) * 1000) * 1000];
}

/** Builds a timestamp value from whole millis and nanos of the milli (kept to the microsecond). */
export function makeTimestamp(millis: number, nanoOfMilli: number): number {
  const micros = Math.floor(nanoOfMilli / 1000);
  return micros === 0 ? millis : millis + micros / 1000;
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));
function pad(n: number, w: number): string { const s = String(Math.abs(n)); return (n < 0 ? '-' : '') + (s.length >= w ? s : '0'.repeat(w - s.length) + s); }

/** 'yyyy-MM-dd'. */
export function formatDate(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${pad(y, 4)}-${pad2(m)}-${pad2(d)}`;
}

function fraction(nanos: number, precision: number): string {
  if (precision <= 0) return '';
  const s = pad(nanos, 9);
  return '.' + s.slice(0, Math.min(9, precision));
}

/** 'HH:mm:ss[.fff]' padded to the TIME precision. */
export function formatTime(millisOfDay: number, precision = 0): string {
  const ms = ((millisOfDay % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  const h = Math.floor(ms / 3_600_000);
  const mi = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${pad2(h)}:${pad2(mi)}:${pad2(s)}${fraction((ms % 1000) * 1_000_000, precision)}`;
}

/** 'yyyy-MM-dd HH:mm:ss[.fff…]' with exactly `precision` fractional digits (Flink's rendering). */
export function formatTimestamp(ts: number, precision = 3): string {
  const [ms, nanos] = splitMillis(ts);
  const days = Math.floor(ms / MS_PER_DAY);
  const tod = ms - days * MS_PER_DAY;
  const h = Math.floor(tod / 3_600_000);
  const mi = Math.floor(tod / 60_000) % 60;
  const s = Math.floor(tod / 1000) % 60;
  return `${formatDate(days)} ${pad2(h)}:${pad2(mi)}:${pad2(s)}${fraction((tod % 1000) * 1_000_000 + nanos, precision)}`;
}

const DATE_RE = /^([+-]?\d{1,9})-(\d{1,2})-(\d{1,2})$/;
const TIME_RE = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{0,9}))?)?$/;

const PARTIAL_DATE_RE = /^([+-]?\d{1,9})(?:-(\d{1,2}))?$/;

/** Parses 'yyyy-[M]M-[d]d' (also 'yyyy' and 'yyyy-MM', as Flink does); undefined when invalid. */
export function parseDate(text: string): number | undefined {
  const m = DATE_RE.exec(text) ?? PARTIAL_DATE_RE.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? 1 : Number(m[2]);
  const d = m[3] === undefined ? 1 : Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return daysFromCivil(y, mo, d);
}

/** Parses 'HH:mm[:ss[.fffffffff]]' into [millis of day, nanos of milli]; undefined when invalid. */
export function parseTimeParts(text: string): [number, number] | undefined {
  const m = TIME_RE.exec(text);
  if (!m) return undefined;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const s = m[3] !== undefined ? Number(m[3]) : 0;
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const f = (m[4] ?? '').padEnd(9, '0');
  const nanos = Number(f);
  return [((h * 60 + mi) * 60 + s) * 1000 + Math.floor(nanos / 1_000_000), nanos % 1_000_000];
}

/** Parses a TIME literal into millis of day. */
export function parseTime(text: string): number | undefined {
  const p = parseTimeParts(text);
  return p === undefined ? undefined : p[0];
}

/**
 * Parses 'yyyy-MM-dd[( |T)HH:mm[:ss[.f…]]]' (Flink's TIMESTAMP string form) into a timestamp value;
 * undefined when invalid.
 */
export function parseTimestamp(text: string): number | undefined {
  const sep = text.search(/[ T]/);
  const datePart = sep < 0 ? text : text.slice(0, sep);
  const days = parseDate(datePart);
  if (days === undefined) return undefined;
  if (sep < 0) return days * MS_PER_DAY;
  const t = parseTimeParts(text.slice(sep + 1).trim());
  if (t === undefined) return undefined;
  return makeTimestamp(days * MS_PER_DAY + t[0], t[1]);
}
