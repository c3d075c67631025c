import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderOutputCommand, renderOutputs } from './outputs-view.js';
import type { OutputValue } from './types.js';

const outputs: OutputValue[] = [
  { name: 'topic', value: 'orders', sensitive: false },
  { name: 'api_secret', value: 's3cr3t', sensitive: true },
  { name: 'partitions', value: 6, sensitive: false },
  { name: 'ids', value: ['a', 'b'], sensitive: false },
];

describe('outputs-view', () => {
  it('writes the Outputs: section sorted, sensitive values masked', () => {
    assert.equal(renderOutputs(outputs), [
      'Outputs:', '',
      'api_secret = <sensitive>',
      'ids = [', '  "a",', '  "b",', ']',
      'partitions = 6',
      'topic = "orders"', '',
    ].join('\n'));
    assert.equal(renderOutputs([]), '');
  });

  it('prints one output: human quoted, raw unquoted, json encoded', () => {
    assert.equal(renderOutputCommand(outputs, { format: 'human', name: 'topic' }).value, '"orders"\n');
    assert.equal(renderOutputCommand(outputs, { format: 'raw', name: 'topic' }).value, 'orders');
    assert.equal(renderOutputCommand(outputs, { format: 'raw', name: 'partitions' }).value, '6');
    assert.equal(renderOutputCommand(outputs, { format: 'json', name: 'ids' }).value, '["a","b"]\n');
    assert.equal(renderOutputCommand(outputs, { format: 'human', name: 'api_secret' }).value, '<sensitive>\n');
    assert.equal(renderOutputCommand(outputs, { format: 'raw', name: 'api_secret' }).value, 's3cr3t');
  });

  it('prints every output as JSON with types', () => {
    const json = JSON.parse(renderOutputCommand(outputs, { format: 'json' }).value ?? '') as Record<string, unknown>;
    assert.deepEqual(json['ids'], { sensitive: false, type: ['tuple', ['string', 'string']], value: ['a', 'b'] });
    assert.deepEqual(Object.keys(json), ['api_secret', 'ids', 'partitions', 'topic']);
  });

  it('reports a non-primitive -raw value, a missing name and no outputs as diagnostics', () => {
    const raw = renderOutputCommand(outputs, { format: 'raw', name: 'ids' });
    assert.equal(raw.value, undefined);
    assert.equal(raw.diagnostics[0]?.code, 'output-raw-unsupported');
    assert.match(raw.diagnostics[0]?.detail ?? '', /output value "ids" is a list/);
    assert.equal(renderOutputCommand(outputs, { format: 'human', name: 'nope' }).diagnostics[0]?.code, 'output-not-found');
    assert.equal(renderOutputCommand(outputs, { format: 'raw' }).diagnostics[0]?.code, 'output-raw-needs-name');
    const none = renderOutputCommand([], { format: 'human' });
    assert.equal(none.diagnostics[0]?.severity, 'warning');
  });
});
