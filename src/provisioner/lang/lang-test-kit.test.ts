/**
 * Shared test kit for the lang folder's tests (a `.test.ts` so it never ships): evaluate hcl2json-style
 * strings against a fixed scope and clock.
 */
import assert from 'node:assert/strict';
import type { Diagnostic, Outcome } from '../../shared/diagnostics.js';
import { evaluate } from './evaluate.js';
import { parseLiteralOrTemplate } from './parse-expression.js';
import { staticScope, type StaticScopeData } from './static-scope.js';
import type { EvalContext } from './types.js';
import { UNKNOWN, type MarkedValue, type Value } from './value.js';

export const DATA: StaticScopeData = {
  var: {
    name: 'orders', n: 5, list: ['a', 'b', 'c'], nums: [3, 1, 2], obj: { a: 1, b: 'two', nested: { deep: true } },
    users: [{ name: 'ann', id: 1 }, { name: 'bob', id: 2 }], nothing: null, unknown: UNKNOWN,
    partial: ['x', UNKNOWN], password: 's3cret', flag: true, str_num: '42', tags: { env: 'prod', team: 'data' },
  },
  local: { prefix: 'sf' },
  resource: { 'confluent_kafka_topic.orders': { id: 'lkc-1/orders', topic_name: 'orders', partitions_count: 6 } },
  data: { 'confluent_organization.main': { id: 'org-1' } },
  path: { module: '/mod', root: '/root' },
  sensitive: ['var.password'],
};

export function makeCtx(baseDir = '/tmp'): EvalContext {
  return { file: 'main.tf', baseDir, now: () => Date.UTC(2024, 0, 2, 3, 4, 5, 678), uuid: () => 'b0e3a7c2-0000-4000-8000-000000000001' };
}

/** Parses an hcl2json-style value and evaluates it. */
export function run(input: unknown, opts: { data?: StaticScopeData; ctx?: EvalContext } = {}): Outcome<MarkedValue> {
  const p = parseLiteralOrTemplate(input, { file: 'main.tf' });
  assert.deepEqual(p.diagnostics, [], `parse of ${JSON.stringify(input)}`);
  return evaluate(p.value!, staticScope(opts.data ?? DATA), opts.ctx ?? makeCtx());
}

/** The value of an expression that must succeed. */
export function val(input: unknown, opts: { data?: StaticScopeData; ctx?: EvalContext } = {}): Value {
  const r = run(input, opts);
  assert.deepEqual(r.diagnostics, [], `evaluating ${JSON.stringify(input)}`);
  return r.value!.value;
}

/** The single error of an expression that must fail. */
export function err(input: unknown, opts: { data?: StaticScopeData; ctx?: EvalContext } = {}): Diagnostic {
  const r = run(input, opts);
  assert.equal(r.value, undefined, `expected ${JSON.stringify(input)} to fail`);
  assert.equal(r.diagnostics.length, 1);
  return r.diagnostics[0]!;
}

/** Runs a table of [expression, expected value] cases as one test each. */
export function table(t: (name: string, fn: () => void) => void, cases: readonly (readonly [string, Value])[]): void {
  for (const [input, expected] of cases) t(input, () => assert.deepEqual(val(input), expected));
}
