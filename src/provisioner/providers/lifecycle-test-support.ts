/**
 * Test support for built-in providers: drives a provider through plan → apply the way the engine
 * does (schema defaults applied to config first), so tests read as resource lifecycles.
 * Used by colocated tests only.
 */
import assert from 'node:assert/strict';
import type { Provider, ProviderContext, PlanResponse } from '../provider/index.js';
import type { ObjectValue, Value } from '../lang/index.js';

/** A provider context for tests; `now` defaults to the wall clock. */
export function testContext(opts: { signal?: AbortSignal; now?: () => number } = {}): ProviderContext & { readonly messages: string[] } {
  const messages: string[] = [];
  return {
    address: 'test.resource',
    signal: opts.signal ?? new AbortController().signal,
    progress: (m: string) => { messages.push(m); },
    now: opts.now ?? (() => Date.now()),
    messages,
  };
}

/** Config with every schema attribute present and schema defaults applied, as the engine passes it. */
export function withDefaults(provider: Provider, type: string, config: ObjectValue): ObjectValue {
  const schema = provider.schema().resources[type];
  assert.ok(schema, `unknown type ${type}`);
  const out: { [k: string]: Value } = {};
  for (const [name, attr] of Object.entries(schema.attributes)) {
    if (attr.computed && !attr.optional && !attr.required) continue;
    out[name] = config[name] ?? attr.default ?? null;
  }
  return out;
}

/** Plans a change of `type` from `prior` (null to create) to `config`. */
export async function plan(provider: Provider, type: string, prior: ObjectValue | null, config: ObjectValue): Promise<PlanResponse> {
  assert.ok(provider.planResource, 'provider plans resources itself');
  const full = withDefaults(provider, type, config);
  assert.deepEqual(provider.validateResource?.(type, full) ?? [], [], 'config is valid');
  return provider.planResource({ type, prior, config: full, proposed: full }, testContext());
}

/** Plans and applies a create; returns the new state and fails on any diagnostic. */
export async function create(provider: Provider, type: string, config: ObjectValue, ctx: ProviderContext = testContext()): Promise<ObjectValue> {
  const planned = await plan(provider, type, null, config);
  assert.deepEqual(planned.diagnostics ?? [], []);
  const full = withDefaults(provider, type, config);
  const res = await provider.applyResource({ type, action: 'create', prior: null, planned: planned.planned, config: full }, ctx);
  assert.deepEqual(res.diagnostics ?? [], []);
  assert.ok(res.state, 'create returns state');
  return res.state;
}

/** Applies a delete of `prior`; fails on any diagnostic. */
export async function destroy(provider: Provider, type: string, prior: ObjectValue, ctx: ProviderContext = testContext()): Promise<void> {
  const res = await provider.applyResource({ type, action: 'delete', prior, planned: null, config: null }, ctx);
  assert.deepEqual(res.diagnostics ?? [], []);
  assert.equal(res.state, null);
}

/** The attribute paths a plan says force replacement. */
export function replacePaths(res: PlanResponse): string[] {
  return (res.requiresReplace ?? []).map((r) => r.path).sort();
}
