/**
 * Terraform-style flags: single-dash long options (`-auto-approve`, `-var=a=b`, `-lock=false`),
 * repeatable -var/-var-file whose relative order matters, and duration values (`-lock-timeout=10s`).
 */

/** Rewrites `-name[=v]` to `--name[=v]` so commander can parse Terraform-style flags. */
export function normalizeArgs(args: readonly string[]): string[] {
  return args.map((a) => (/^-[A-Za-z][A-Za-z0-9-]+(=.*)?$/s.test(a) ? '-' + a : a));
}

/** -var / -var-file occurrences in command-line order. */
export function orderedVarArgs(args: readonly string[]): ({ kind: 'var'; text: string } | { kind: 'file'; path: string })[] {
  const out: ({ kind: 'var'; text: string } | { kind: 'file'; path: string })[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const m = /^--?(var|var-file)(?:=(.*))?$/s.exec(a);
    if (!m) continue;
    const v = m[2] ?? args[++i];
    if (v === undefined) continue;
    out.push(m[1] === 'var' ? { kind: 'var', text: v } : { kind: 'file', path: v });
  }
  return out;
}

export function parseBoolFlag(v: string | boolean | undefined, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  if (typeof v === 'boolean') return v;
  return !/^(false|0|no|off)$/i.test(v);
}

/** Parses `10s`, `1m30s`, `500ms`, `0` into milliseconds; undefined when invalid. */
export function parseDuration(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let total = 0, consumed = 0;
  for (const m of text.matchAll(re)) {
    const n = Number(m[1]);
    total += m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : m[2] === 'm' ? n * 60_000 : n * 3_600_000;
    consumed += m[0].length;
  }
  return consumed === text.length && consumed > 0 ? total : undefined;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
