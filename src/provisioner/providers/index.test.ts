import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BUILTIN_PROVIDER_SOURCES, builtinProviderFor, builtinProviders } from './index.js';

describe('built-in provider registry', () => {
  it('maps every local name to a source with a factory whose provider reports that source', () => {
    const factories = builtinProviders();
    assert.deepEqual(Object.keys(BUILTIN_PROVIDER_SOURCES).sort(), ['local', 'null', 'random', 'terraform', 'time']);
    for (const [local, source] of Object.entries(BUILTIN_PROVIDER_SOURCES)) {
      const factory = factories[source];
      assert.ok(factory, source);
      const provider = factory();
      assert.equal(provider.source, source);
      const types = Object.keys(provider.schema().resources);
      assert.ok(types.length > 0);
      for (const t of types) {
        assert.ok(t === local || t.startsWith(`${local}_`), `${t} belongs to ${local}`);
        assert.equal(provider.schema().resources[t]?.attributes['id']?.computed, true, `${t} has a computed id`);
      }
    }
    assert.equal(BUILTIN_PROVIDER_SOURCES['terraform'], 'terraform.io/builtin/terraform');
  });

  it('gives a fresh instance per call', () => {
    const f = builtinProviders()['hashicorp/random'];
    assert.ok(f);
    assert.notEqual(f(), f());
  });

  it('accepts registry-qualified sources and rejects others', () => {
    assert.equal(builtinProviderFor('registry.terraform.io/hashicorp/random')?.().source, 'hashicorp/random');
    assert.equal(builtinProviderFor('HashiCorp/Time')?.().source, 'hashicorp/time');
    assert.equal(builtinProviderFor('confluentinc/confluent'), undefined);
  });
});
