import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeCtx } from './lang-test-kit.test.js';
import { evaluate } from './evaluate.js';
import { parseLiteralOrTemplate } from './parse-expression.js';
import type { EvalScope, Reference } from './types.js';
import type { MarkedValue, Value } from './value.js';

const stmt = (name: string): Value => ({ statement_name: name, credentials: [{ key: `k-${name}`, secret: `s-${name}` }] });

/** A for_each statement map and a counted list, whose `credentials` is sensitive per instance. */
const scope: EvalScope = {
  lookup(ref: Reference): MarkedValue | undefined {
    if (ref.kind !== 'resource') return undefined;
    if (ref.type === 'confluent_flink_statement' && ref.name === 'x') return { value: { a: stmt('a'), b: stmt('b') }, sensitive: false };
    if (ref.type === 'confluent_flink_statement' && ref.name === 'n') return { value: [stmt('n0'), stmt('n1')], sensitive: false };
    return undefined;
  },
  sensitivePaths(ref: Reference) {
    return ref.kind === 'resource' ? [['*', 'credentials']] : undefined;
  },
};

function mark(text: string): MarkedValue {
  const p = parseLiteralOrTemplate(text, { file: 'main.tf' });
  assert.deepEqual(p.diagnostics, []);
  const r = evaluate(p.value!, scope, makeCtx());
  assert.deepEqual(r.diagnostics, [], text);
  return r.value!;
}

describe('per-path sensitivity through for expressions and splats', () => {
  it('a for expression over a for_each map reading a plain attribute is not sensitive', () => {
    const m = mark('${{ for k, s in confluent_flink_statement.x : k => s.statement_name }}');
    assert.deepEqual(m, { value: { a: 'a', b: 'b' }, sensitive: false });
  });

  it('a tuple for expression with a condition on a plain attribute is not sensitive', () => {
    const m = mark('${[for s in confluent_flink_statement.x : s.statement_name if s.statement_name != "b"]}');
    assert.deepEqual(m, { value: ['a'], sensitive: false });
  });

  it('reading the sensitive attribute, or below it, in a for expression is sensitive', () => {
    assert.equal(mark('${{ for k, s in confluent_flink_statement.x : k => s.credentials }}').sensitive, true);
    assert.equal(mark('${{ for k, s in confluent_flink_statement.x : k => s.credentials[0].key }}').sensitive, true);
  });

  it('returning the whole instance object is sensitive (it contains credentials)', () => {
    assert.equal(mark('${{ for k, s in confluent_flink_statement.x : k => s }}').sensitive, true);
    assert.equal(mark('${confluent_flink_statement.x}').sensitive, true);
  });

  it('a splat over a counted resource reading a plain attribute is not sensitive', () => {
    assert.deepEqual(mark('${confluent_flink_statement.n[*].statement_name}'), { value: ['n0', 'n1'], sensitive: false });
    assert.equal(mark('${confluent_flink_statement.n[*].credentials}').sensitive, true);
  });

  it('the keys of a sensitive-in-part map are not sensitive', () => {
    assert.deepEqual(mark('${[for k, s in confluent_flink_statement.x : k]}'), { value: ['a', 'b'], sensitive: false });
  });

  it('a function over a sensitive-in-part value stays sensitive (conservative)', () => {
    assert.equal(mark('${length(confluent_flink_statement.x)}').sensitive, true);
  });
});
