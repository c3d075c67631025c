/**
 * Applying a destroy plan configures providers from the same variables and locals as the plan
 * (Terraform evaluates provider configurations during the destroy apply too). Drives the engine
 * directly with a null provider whose configuration requires a known `tag`.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { errorDiag } from '../../src/shared/index.js';
import { loadConfig } from '../../src/provisioner/config/index.js';
import { applyPlan, makePlan, type EngineEnv, type StateWriter } from '../../src/provisioner/engine/index.js';
import { T, type ObjectValue } from '../../src/provisioner/lang/index.js';
import type { Provider } from '../../src/provisioner/provider/index.js';
import { createNullProvider, NULL_SOURCE } from '../../src/provisioner/providers/index.js';
import type { OutputState, ResourceInstanceState, StateSnapshot } from '../../src/provisioner/state/index.js';
import { removeDir, workdir } from '../support/index.js';

const MAIN = `
variable "tag" {
  type    = string
  default = "blue"
}

locals {
  tag = upper(var.tag)
}

provider "null" {
  tag = local.tag
}

resource "null_resource" "a" {}
`;

/** The null provider with a provider block attribute `tag` that must be known at configure. */
function taggedNull(seen: string[]): Provider {
  const base = createNullProvider();
  return {
    ...base,
    source: base.source,
    schema: () => ({ ...base.schema(), provider: { attributes: { tag: { type: T.string, optional: true } } } }),
    configure: async (config: ObjectValue, ctx) => {
      const tag = config['tag'];
      if (typeof tag !== 'string') return [errorDiag('test-tag', 'provider tag is not known at configure')];
      seen.push(tag);
      return base.configure(config, ctx);
    },
    applyResource: (req, ctx) => base.applyResource(req, ctx),
    readResource: (type, state, ctx, priv) => base.readResource(type, state, ctx, priv),
    readDataSource: (type, config, ctx) => base.readDataSource(type, config, ctx),
  };
}

class MemoryState implements StateWriter {
  resources = new Map<string, ResourceInstanceState>();
  outputs: { [name: string]: OutputState } = {};
  putResource(r: ResourceInstanceState): void { this.resources.set(r.address, r); }
  removeResource(address: string): void { this.resources.delete(address); }
  setOutputs(outputs: { readonly [name: string]: OutputState }): void { this.outputs = { ...outputs }; }
  snapshot(serial: number): StateSnapshot {
    return { lineage: 'l', serial, terraformVersion: '1.9.0', streamformVersion: 'test', resources: [...this.resources.values()], outputs: this.outputs };
  }
}

describe('destroy apply and provider configuration', () => {
  const dir = workdir({ 'main.tf': MAIN });
  after(() => removeDir(dir));

  test('the provider of a destroyed resource is configured from variables and locals', async () => {
    const loaded = await loadConfig(dir);
    assert.ok(loaded.value, JSON.stringify(loaded.diagnostics));
    const seen: string[] = [];
    const state = new MemoryState();
    const env = (snapshot: StateSnapshot): EngineEnv => ({
      config: loaded.value!, state: snapshot, hooks: {}, clock: { now: () => 0 }, uuid: () => '00000000-0000-4000-8000-000000000000', signal: new AbortController().signal, cwd: dir,
      providers: { factory: (s) => (s === NULL_SOURCE ? () => taggedNull(seen) : undefined), defaultSource: (n) => `hashicorp/${n}` },
    });
    const opts = { refresh: true, targets: [], replace: [], variables: new Map(), parallelism: 4 } as const;
    const created = await makePlan(env(state.snapshot(0)), { ...opts, mode: 'normal' });
    assert.deepEqual(created.plan.diagnostics.filter((d) => d.severity === 'error'), []);
    const applied = await applyPlan(env(state.snapshot(0)), created, state, { parallelism: 4, variables: new Map() });
    assert.deepEqual(applied.diagnostics.filter((d) => d.severity === 'error'), []);
    assert.deepEqual([...state.resources.keys()], ['null_resource.a']);

    const destroy = await makePlan(env(state.snapshot(1)), { ...opts, mode: 'destroy' });
    assert.deepEqual(destroy.plan.diagnostics.filter((d) => d.severity === 'error'), []);
    seen.length = 0;
    const done = await applyPlan(env(state.snapshot(1)), destroy, state, { parallelism: 4, variables: new Map() });
    assert.deepEqual(done.diagnostics.filter((d) => d.severity === 'error'), []);
    assert.deepEqual(seen, ['BLUE']);
    assert.deepEqual([...state.resources.keys()], []);
  });
});
