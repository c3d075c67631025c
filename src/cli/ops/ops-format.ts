/** Compact number, duration, byte and bar formats of the operations views. */

/** 1234 → "1.2k", 5_600_000 → "5.6M". */
export function compactCount(n: number): string {
  const a = Math.abs(n);
  if (a < 1000) return Number.isInteger(n) ? String(n) : n.toFixed(1);
  if (a < 1e6) return `${(n / 1e3).toFixed(1)}k`;
  if (a < 1e9) return `${(n / 1e6).toFixed(1)}M`;
  return `${(n / 1e9).toFixed(1)}G`;
}

/** Milliseconds as "850ms", "12.3s", "4m05s", "2h10m"; "-" for none. */
export function duration(ms: number | null): string {
  if (ms === null) return '-';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.floor(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  return `${Math.floor(s / 86_400)}d${String(Math.floor((s % 86_400) / 3600)).padStart(2, '0')}h`;
}

/** Bytes as "512B", "1.5KiB", "3.2MiB". */
export function bytes(n: number): string {
  if (n < 1024) return `${n}B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)}KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)}MiB`;
  return `${(n / 1024 ** 3).toFixed(1)}GiB`;
}

/** A usage bar: `[#####-----]` with `width` cells. */
export function bar(used: number, limit: number, width: number): string {
  const filled = limit <= 0 ? 0 : Math.min(width, Math.round((used / limit) * width));
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

/** A left-aligned text table with a header and a rule. */
export function textTable(columns: readonly string[], rows: readonly (readonly string[])[], opts: { readonly right?: ReadonlySet<number> } = {}): string {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (vals: readonly string[]): string => vals.map((v, i) => (opts.right?.has(i) === true ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [fmt(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n') + '\n';
}
