/**
 * A text notation for changelogs, for operator tests and debug dumps: one change per line,
 *   +I[1, 'shoe', null] @1000
 * kind, the row's values in brackets (numbers, 'strings' with '' for a quote, null, true/false,
 * bigints as 12n, bytes as x'0a1b'), then optionally `@rowtime`. Blank lines and `#` comments are
 * skipped. `formatChange` prints the same notation, so expected output reads like input.
 */
import { invariant } from '../../../shared/index.js';
import { batchOf, type Batch } from './batch.js';
import { ROW_KIND_NAMES, type Row } from './types.js';

const LINE = /^([+-][IUD])\[(.*)\](?:\s*@(-?\d+))?$/;

/** Parses changelog lines into a batch. */
export function parseChangelog(text: string): Batch {
  const rows: Row[] = [];
  const kinds: number[] = [];
  const times: number[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = LINE.exec(line);
    invariant(m !== null, `bad changelog line: ${line}`);
    const kind = ROW_KIND_NAMES.indexOf(m[1] as (typeof ROW_KIND_NAMES)[number]);
    invariant(kind >= 0, `bad row kind in: ${line}`);
    rows.push(parseValues(m[2] ?? ''));
    kinds.push(kind);
    times.push(m[3] === undefined ? Number.NaN : Number(m[3]));
  }
  return batchOf(rows, kinds, times);
}

/** Prints one change in the notation (the rowtime only when it is a number). */
export function formatChange(row: Row, kind: number, rowtime?: number): string {
  const t = rowtime === undefined || Number.isNaN(rowtime) ? '' : ` @${rowtime}`;
  return `${ROW_KIND_NAMES[kind] ?? '?'}[${row.map(formatValue).join(', ')}]${t}`;
}

/** Prints every change of a batch, one per line. */
export function formatBatch(batch: Batch, opts: { readonly rowtimes?: boolean } = {}): string[] {
  const out: string[] = [];
  for (let i = 0; i < batch.size; i++) {
    out.push(formatChange(batch.rows[i] as Row, batch.kinds[i] as number, opts.rowtimes === true ? batch.rowtimes[i] : undefined));
  }
  return out;
}

/** Prints one value in the notation. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return `'${v.replaceAll("'", "''")}'`;
  if (typeof v === 'bigint') return `${v}n`;
  if (v instanceof Uint8Array) return `x'${Buffer.from(v).toString('hex')}'`;
  if (Array.isArray(v)) return `[${v.map(formatValue).join(', ')}]`;
  if (v instanceof Map) return `{${[...v].map(([k, x]) => `${formatValue(k)}: ${formatValue(x)}`).join(', ')}}`;
  return String(v);
}

function parseValues(s: string): Row {
  const out: Row = [];
  let i = 0;
  const skip = (): void => { while (s[i] === ' ') i++; };
  skip();
  while (i < s.length) {
    if (s[i] === "'") {
      let v = '';
      i++;
      for (;;) {
        invariant(i < s.length, `unterminated string in: ${s}`);
        if (s[i] === "'" && s[i + 1] === "'") { v += "'"; i += 2; } else if (s[i] === "'") { i++; break; } else { v += s[i]; i++; }
      }
      out.push(v);
    } else {
      let j = i;
      while (j < s.length && s[j] !== ',') j++;
      out.push(parseAtom(s.slice(i, j).trim()));
      i = j;
    }
    skip();
    if (s[i] === ',') i++;
    skip();
  }
  return out;
}

function parseAtom(t: string): unknown {
  if (t === 'null') return null;
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (/^-?\d+n$/.test(t)) return BigInt(t.slice(0, -1));
  const hex = /^x'([0-9a-fA-F]*)'$/.exec(t);
  if (hex !== null) return new Uint8Array(Buffer.from(hex[1] ?? '', 'hex'));
  const n = Number(t);
  invariant(t !== '' && !Number.isNaN(n), `bad value '${t}'`);
  return n;
}
