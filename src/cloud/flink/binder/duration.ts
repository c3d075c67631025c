/**
 * Flink duration strings (`sql.state-ttl`, STATE_TTL hints): a number with an optional unit —
 * `ms`/`milli`/`millis`…, `s`/`sec`/`second(s)`, `min`/`minute(s)`, `h`/`hour(s)`, `d`/`day(s)` —
 * with or without a space; a bare number is milliseconds.
 */
const UNITS: Readonly<Record<string, number>> = {
  '': 1, ms: 1, milli: 1, millis: 1, millisecond: 1, milliseconds: 1,
  s: 1000, sec: 1000, secs: 1000, second: 1000, seconds: 1000,
  m: 60_000, min: 60_000, mins: 60_000, minute: 60_000, minutes: 60_000,
  h: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
};

/** Milliseconds of a duration string, or undefined when it does not parse. */
export function parseDurationMs(text: string): number | undefined {
  const m = /^\s*(\d+)\s*([a-zA-Z]*)\s*$/.exec(text);
  if (m === null) return undefined;
  const unit = UNITS[(m[2] ?? '').toLowerCase()];
  return unit === undefined ? undefined : Number(m[1]) * unit;
}
