/**
 * Go duration strings (`time.ParseDuration`): an optional sign, then one or more decimal numbers
 * each with a unit (ns, us/µs, ms, s, m, h), e.g. "30s", "1m30s", "1.5h", "-2m". "0" is allowed.
 */

const UNIT_MS: { readonly [unit: string]: number } = {
  ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000,
};
const WHOLE = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g;

/** Milliseconds in a Go duration string, or undefined when it is not one. */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0' || text === '+0' || text === '-0') return 0;
  if (!WHOLE.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(PART)) total += Number(m[1]) * (UNIT_MS[m[2] ?? ''] ?? 0);
  return text.startsWith('-') ? -total : total;
}

/**
 * Attribute validator for sleep durations: a non-negative Go duration. Upstream accepts only one
 * number and unit (ms, s, m, h); every such value is accepted here too, plus compound values
 * like "1m30s".
 */
export function validateGoDuration(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const ms = parseGoDuration(v);
  return ms === undefined || /^[-+]/.test(v)
    ? `${JSON.stringify(v)} is not a valid duration; use a number immediately followed by a unit, such as "30s", "5m" or "500ms"` : undefined;
}
