/**
 * Durations of the STATE_TTL hint (`/*+ STATE_TTL('orders'='6h', 'customers'='2d') *\/`) and of
 * `sql.state-ttl`: Flink's duration syntax, a number with an optional unit (default millis).
 */

const UNITS: ReadonlyMap<string, number> = new Map([
  ['', 1], ['ms', 1], ['milli', 1], ['millis', 1], ['millisecond', 1], ['milliseconds', 1],
  ['s', 1000], ['sec', 1000], ['secs', 1000], ['second', 1000], ['seconds', 1000],
  ['min', 60_000], ['m', 60_000], ['mins', 60_000], ['minute', 60_000], ['minutes', 60_000],
  ['h', 3_600_000], ['hour', 3_600_000], ['hours', 3_600_000],
  ['d', 86_400_000], ['day', 86_400_000], ['days', 86_400_000],
]);

/**
 * A STATE_TTL value in millis; `null` when it is not a positive duration (the planner turns that
 * into a diagnostic; '0' means "no TTL" in Flink, which is the absence of a TTL here).
 */
export function parseStateTtl(text: string): number | null {
  const m = /^\s*(\d+)\s*([a-zA-Z]*)\s*$/.exec(text);
  if (m === null) return null;
  const unit = UNITS.get((m[2] ?? '').toLowerCase());
  const n = Number(m[1]);
  if (unit === undefined || !(n > 0)) return null;
  return n * unit;
}

/**
 * Per-input TTLs from the hint's options: `aliases` maps each join input to the names the hint may
 * use for it (table name or alias). Unknown names are returned in `unknown` for a diagnostic.
 */
export function stateTtlFromHint(
  options: Readonly<Record<string, string>>,
  aliases: readonly (readonly string[])[],
): { readonly ttls: readonly (number | undefined)[]; readonly unknown: readonly string[]; readonly invalid: readonly string[] } {
  const ttls: (number | undefined)[] = aliases.map(() => undefined);
  const unknown: string[] = [];
  const invalid: string[] = [];
  for (const name of Object.keys(options).sort()) {
    const i = aliases.findIndex((names) => names.includes(name));
    if (i < 0) { unknown.push(name); continue; }
    const ms = parseStateTtl(options[name] ?? '');
    if (ms === null) invalid.push(name); else ttls[i] = ms;
  }
  return { ttls, unknown, invalid };
}
