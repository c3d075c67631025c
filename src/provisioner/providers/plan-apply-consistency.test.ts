import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isUnknown, isWhollyKnown, valuesEqual } from '../lang/index.js';
import type { ObjectValue } from '../lang/index.js';
import { builtinProviders, BUILTIN_PROVIDER_SOURCES } from './index.js';
import { plan, testContext, withDefaults } from './lifecycle-test-support.js';

const dir = mkdtempSync(join(tmpdir(), 'streamform-consistency-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// One valid config per resource type; the registry test below fails when a type has none.
const SAMPLES: { readonly [type: string]: ObjectValue } = {
  random_id: { byte_length: 8, prefix: 'p-', keepers: { k: 'v' } },
  random_integer: { min: 1, max: 9, seed: 's' },
  random_password: { length: 12, min_special: 1 },
  random_pet: { length: 3 },
  random_shuffle: { input: ['a', 'b'], result_count: 3 },
  random_string: { length: 10, number: false },
  random_uuid: {},
  terraform_data: { input: { a: [1, 2] }, triggers_replace: 'x' },
  null_resource: { triggers: { a: 'b' } },
  time_offset: { offset_days: 1 },
  time_rotating: { rfc3339: '2026-01-01T00:00:00Z', rotation_years: 100 },
  time_sleep: { create_duration: '1ms' },
  time_static: { rfc3339: '2026-01-01T00:00:00Z' },
  local_file: { filename: join(dir, 'a.txt'), content: 'hello' },
  local_sensitive_file: { filename: join(dir, 'b.txt'), content_base64: 'aGk=' },
};

describe('plan/apply consistency of every built-in resource', () => {
  const providers = Object.values(builtinProviders()).map((f) => f());

  it('has a sample for every resource type', () => {
    const types = providers.flatMap((p) => Object.keys(p.schema().resources)).sort();
    assert.deepEqual(types, Object.keys(SAMPLES).sort());
    assert.equal(Object.keys(BUILTIN_PROVIDER_SOURCES).length, providers.length);
  });

  for (const provider of providers) {
    for (const type of Object.keys(provider.schema().resources)) {
      it(`${type}: known planned values survive apply, state is wholly known, a re-plan is a no-op`, async () => {
        const config = SAMPLES[type] ?? {};
        const planned = (await plan(provider, type, null, config)).planned;
        const res = await provider.applyResource({ type, action: 'create', prior: null, planned, config: withDefaults(provider, type, config) }, testContext());
        assert.deepEqual(res.diagnostics ?? [], []);
        const state = res.state;
        assert.ok(state);
        assert.ok(isWhollyKnown(state));
        assert.equal(typeof state['id'], 'string');
        for (const [name, value] of Object.entries(planned)) {
          if (!isUnknown(value)) assert.ok(valuesEqual(value, state[name]), `${name}: planned ${JSON.stringify(value)}, got ${JSON.stringify(state[name])}`);
        }
        const again = await plan(provider, type, state, config);
        assert.deepEqual(again.requiresReplace ?? [], []);
        assert.deepEqual(again.planned, state);
      });
    }
  }
});
