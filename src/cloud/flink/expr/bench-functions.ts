/**
 * Micro-benchmark of hot scalar functions and BIGINT arithmetic (not a test).
 * Run: node dist/src/cloud/flink/expr/bench-functions.js
 */
import { performance } from 'node:perf_hooks';
import { bigintType, compileCast, decimalType, intType, stringType, timestampType } from '../types/index.js';
import type { LogicalType } from '../types/index.js';
import { resolveFunction } from './function-registry.js';
import type { ScalarFn } from './types.js';

const N = 2_000_000;
const sinks: unknown[] = [];
const SIZE = 1024;

function fn(name: string, types: LogicalType[], literals: unknown[] = []): ScalarFn {
  const r = resolveFunction(name, types, { literals });
  if (!r.value) throw new Error(r.diagnostics.map((d) => d.summary).join('\n'));
  return r.value.fn;
}

function bench(label: string, run: (i: number) => unknown): void {
  // Results are stored into an output column, as an operator would; stores cannot be optimised away.
  const out: unknown[] = new Array(SIZE).fill(null);
  for (let i = 0; i < 200_000; i++) out[i & (SIZE - 1)] = run(i & (SIZE - 1));
  const t0 = performance.now();
  for (let i = 0; i < N; i++) out[i & (SIZE - 1)] = run(i & (SIZE - 1));
  const dt = (performance.now() - t0) / 1000;
  sinks.push(out[N & (SIZE - 1)]);
  process.stdout.write(`${label.padEnd(44)} ${(N / dt / 1e6).toFixed(1).padStart(7)} M calls/s\n`);
}

const ints = Array.from({ length: SIZE }, (_, i) => i * 7919 - 4000);
const bigs = ints.map((x) => BigInt(x) * 1_000_003n);
const nums = ints.map((x) => x * 1_000_003);
const decs = ints.map((x) => BigInt(x) * 17n);
const strs = ints.map((x) => `item-${x}-value`);
const numStrs = ints.map((x) => String(x));
const tss = ints.map((x) => 1_700_000_000_000 + x * 1000);

const I = intType({ nullable: false }); const B = bigintType({ nullable: false }); const S = stringType({ nullable: false });
const D = decimalType(10, 2, { nullable: false });

bench('raw JS number add (baseline)', (i) => (nums[i] as number) + (nums[(i + 1) & (SIZE - 1)] as number));
bench('raw JS bigint add + asIntN(64)', (i) => BigInt.asIntN(64, (bigs[i] as bigint) + (bigs[(i + 1) & (SIZE - 1)] as bigint)));
const addI = fn('+', [I, I]);
bench("'+' INT, INT", (i) => addI(ints[i], ints[(i + 1) & (SIZE - 1)]));
const addB = fn('+', [B, B]);
bench("'+' BIGINT, BIGINT", (i) => addB(bigs[i], bigs[(i + 1) & (SIZE - 1)]));
const huge = ints.map((x) => BigInt(x) * 1_000_000_000_000n);
bench("'+' BIGINT, BIGINT (values near 2^63)", (i) => addB(huge[i], huge[(i + 1) & (SIZE - 1)]));
const mulB = fn('*', [B, B]);
bench("'*' BIGINT, BIGINT", (i) => mulB(bigs[i], bigs[(i + 1) & (SIZE - 1)]));
const divB = fn('/', [B, B]);
bench("'/' BIGINT, BIGINT", (i) => divB(bigs[i], 7n));
const addBI = fn('+', [B, I]);
bench("'+' BIGINT, INT (mixed)", (i) => addBI(bigs[i], ints[i]));
const eqB = fn('=', [B, B]);
bench("'=' BIGINT, BIGINT", (i) => eqB(bigs[i], bigs[(i + 3) & (SIZE - 1)]));
const gtB = fn('>', [B, B]);
bench("'>' BIGINT, BIGINT", (i) => gtB(bigs[i], 0n));
const addD = fn('+', [D, D]);
bench("'+' DECIMAL(10,2), DECIMAL(10,2)", (i) => addD(decs[i], decs[(i + 1) & (SIZE - 1)]));
const mulD = fn('*', [D, D]);
bench("'*' DECIMAL(10,2), DECIMAL(10,2)", (i) => mulD(decs[i], decs[(i + 1) & (SIZE - 1)]));
const upper = fn('UPPER', [S]);
bench('UPPER', (i) => upper(strs[i]));
const substr = fn('SUBSTRING', [S, I, I]);
bench('SUBSTRING(s, 2, 4)', (i) => substr(strs[i], 2, 4));
const concat = fn('CONCAT', [S, S]);
bench('CONCAT(s, s)', (i) => concat(strs[i], 'x'));
const likePrefix = fn('LIKE', [S, S], [undefined, 'item-1%']);
bench("LIKE 'item-1%' (prefix fast path)", (i) => likePrefix(strs[i], 'item-1%'));
const like = fn('LIKE', [S, S], [undefined, '%-1_%']);
bench("LIKE '%-1_%' (regex)", (i) => like(strs[i], '%-1_%'));
const regex = fn('REGEXP_EXTRACT', [S, S, I], [undefined, '(\\d+)', 1]);
bench('REGEXP_EXTRACT(s, literal, 1)', (i) => regex(strs[i], '(\\d+)', 1));
const castInt = compileCast(S, I);
bench('CAST(STRING AS INT)', (i) => castInt(numStrs[i]));
const castStr = compileCast(B, S);
bench('CAST(BIGINT AS STRING)', (i) => castStr(bigs[i]));
const fmt = fn('DATE_FORMAT', [timestampType(3, { nullable: false }), S], [undefined, 'yyyy-MM-dd HH:mm']);
bench("DATE_FORMAT(ts, 'yyyy-MM-dd HH:mm')", (i) => fmt(tss[i], 'yyyy-MM-dd HH:mm'));
const floorTs = fn('FLOOR', [timestampType(3, { nullable: false }), S], [undefined, 'MINUTE']);
bench('FLOOR(ts TO MINUTE)', (i) => floorTs(tss[i], 'MINUTE'));
const jv = fn('JSON_VALUE', [S, S], [undefined, '$.a.b']);
const docs = ints.map((x) => `{"a":{"b":${x}}}`);
bench("JSON_VALUE(doc, '$.a.b')", (i) => jv(docs[i], '$.a.b'));
process.stdout.write(`(${sinks.length} sinks)\n`);
