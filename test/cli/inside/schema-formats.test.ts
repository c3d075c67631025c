/** produce/consume round trips in JSON Schema and Protobuf, and schema/format mismatches. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCluster, createEnvironment, startHarness, type Harness } from './inside-harness.js';

function jsonLines(text: string): { value: unknown; value_schema_id?: number; partition: number }[] {
  return text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { value: unknown; partition: number });
}

describe('produce and consume with JSON Schema and Protobuf', () => {
  let h: Harness;

  before(async () => {
    h = await startHarness();
    await createCluster(h, await createEnvironment(h, 'dev'), 'main');
  });
  after(async () => { await h.close(); });

  it('round-trips JSON Schema values and rejects values the schema forbids', async () => {
    const file = join(h.dir, 'order.json');
    writeFileSync(file, JSON.stringify({ type: 'object', properties: { id: { type: 'integer' }, item: { type: 'string' } }, required: ['id'] }));
    await h.run(['topic', 'create', 'js', '--partitions', '1']);
    const p = await h.run(['topic', 'produce', 'js', '--value-format', 'jsonschema', '--schema', file], { stdin: '{"id":7,"item":"pen"}\n' });
    assert.equal(p.code, 0, p.err);
    const c = jsonLines((await h.run(['topic', 'consume', 'js', '--from-beginning', '--json'])).out);
    assert.deepEqual(c.map((r) => r.value), [{ id: 7, item: 'pen' }]);
    assert.equal(typeof c[0]?.value_schema_id, 'number');
    const bad = await h.run(['topic', 'produce', 'js', '--value-format', 'jsonschema', '--schema', file], { stdin: '{"item":"no id"}\n' });
    assert.equal(bad.code, 1);
    assert.match(bad.err, /Line 1: value does not match JSON schema/);
    const shown = JSON.parse((await h.run(['schema', 'show', 'js-value', '--json'])).out) as { schema_type: string };
    assert.equal(shown.schema_type, 'JSON');
  });

  it('round-trips Protobuf values', async () => {
    const file = join(h.dir, 'order.proto');
    writeFileSync(file, 'syntax = "proto3";\npackage shop;\nmessage Order {\n  int32 id = 1;\n  string item = 2;\n}\n');
    await h.run(['topic', 'create', 'pb', '--partitions', '1']);
    const p = await h.run(['topic', 'produce', 'pb', '--value-format', 'protobuf', '--schema', file], { stdin: '{"id":3,"item":"cup"}\n' });
    assert.equal(p.code, 0, p.err);
    const c = await h.run(['topic', 'consume', 'pb', '--from-beginning']);
    assert.equal(c.out, '{"id":3,"item":"cup"}\n');
  });

  it('refuses a --schema-id whose type is not the --value-format', async () => {
    const listed = JSON.parse((await h.run(['schema', 'list', '--json'])).out) as { subject: string; schema_id: number }[];
    const pbId = listed.find((s) => s.subject === 'pb-value')?.schema_id;
    assert.equal(typeof pbId, 'number');
    const r = await h.run(['topic', 'produce', 'pb', '--value-format', 'avro', '--schema-id', String(pbId)], { stdin: '{}\n' });
    assert.equal(r.code, 1);
    assert.match(r.err, new RegExp(`Schema id ${pbId} is PROTOBUF, but --value-format is avro`));
    const missing = await h.run(['topic', 'produce', 'pb', '--value-format', 'avro'], { stdin: '{}\n' });
    assert.match(missing.err, /needs --schema FILE or --schema-id N/);
  });

  it('reads one partition with --partition, and records of several partitions in timestamp order', async () => {
    await h.run(['topic', 'create', 'multi', '--partitions', '3']);
    for (const [p, v] of [[2, 'first'], [0, 'second'], [2, 'third']] as const) {
      const r = await h.run(['topic', 'produce', 'multi', '--partition', String(p)], { stdin: `${v}\n` });
      assert.equal(r.code, 0, r.err);
    }
    const all = await h.run(['topic', 'consume', 'multi', '--from-beginning', '--print-offset']);
    // Timestamps may tie within a millisecond; then partition and offset order decide.
    const lines = all.out.trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.deepEqual(lines.filter((l) => l.startsWith('Partition:2')), ['Partition:2 Offset:0\tfirst', 'Partition:2 Offset:1\tthird']);
    const one = await h.run(['topic', 'consume', 'multi', '--from-beginning', '--partition', '0']);
    assert.equal(one.out, 'second\n');
    const none = await h.run(['topic', 'consume', 'multi', '--partition', '5']);
    assert.equal(none.code, 1);
    assert.match(none.err, /partitions 0 to 2/);
  });
});
