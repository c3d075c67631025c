import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedClock } from '../shared/index.js';
import { renderApplyEventJSON, renderApplySummaryJSON, renderOutputsJSONLine } from './apply-json-lines-view.js';
import { formatElapsed, renderApplyEvent, renderApplySummary } from './apply-progress-view.js';
import type { ApplyEvent } from './types.js';

const plain = { color: false };

describe('apply-progress-view', () => {
  it('writes the create lifecycle like Terraform', () => {
    const events: ApplyEvent[] = [
      { kind: 'start', address: 'random_id.r', action: 'create' },
      { kind: 'progress', address: 'random_id.r', action: 'create', elapsedSeconds: 10 },
      { kind: 'complete', address: 'random_id.r', action: 'create', elapsedSeconds: 0, idValue: 'abc' },
    ];
    assert.deepEqual(events.map((e) => renderApplyEvent(e, plain)), [
      'random_id.r: Creating...',
      'random_id.r: Still creating... [10s elapsed]',
      'random_id.r: Creation complete after 0s [id=abc]',
    ]);
  });

  it('writes updates, destroys, reads and errors with their ids', () => {
    assert.equal(renderApplyEvent({ kind: 'start', address: 'a.b', action: 'update', idValue: 'x' }, plain), 'a.b: Modifying... [id=x]');
    assert.equal(renderApplyEvent({ kind: 'progress', address: 'a.b', action: 'update', idValue: 'x', elapsedSeconds: 70 }, plain), 'a.b: Still modifying... [id=x, 1m10s elapsed]');
    assert.equal(renderApplyEvent({ kind: 'complete', address: 'a.b', action: 'update', idValue: 'x', elapsedSeconds: 1 }, plain), 'a.b: Modifications complete after 1s [id=x]');
    assert.equal(renderApplyEvent({ kind: 'start', address: 'a.b', action: 'delete', idValue: 'x' }, plain), 'a.b: Destroying... [id=x]');
    assert.equal(renderApplyEvent({ kind: 'complete', address: 'a.b', action: 'delete', elapsedSeconds: 0 }, plain), 'a.b: Destruction complete after 0s');
    assert.equal(renderApplyEvent({ kind: 'start', address: 'data.a.b', action: 'read' }, plain), 'data.a.b: Reading...');
    assert.equal(renderApplyEvent({ kind: 'complete', address: 'data.a.b', action: 'read', elapsedSeconds: 2, idKey: 'name', idValue: 'n' }, plain), 'data.a.b: Read complete after 2s [name=n]');
    assert.equal(renderApplyEvent({ kind: 'errored', address: 'a.b', action: 'create', elapsedSeconds: 3 }, plain), 'a.b: Creation errored after 3s');
    assert.equal(formatElapsed(3725), '1h2m5s');
  });

  it('writes the closing lines for apply and destroy', () => {
    assert.equal(renderApplySummary({ add: 1, change: 2, destroy: 3 }, plain), 'Apply complete! Resources: 1 added, 2 changed, 3 destroyed.');
    assert.equal(renderApplySummary({ add: 0, change: 0, destroy: 0, import: 2 }, plain), 'Apply complete! Resources: 2 imported, 0 added, 0 changed, 0 destroyed.');
    assert.equal(renderApplySummary({ add: 0, change: 0, destroy: 4 }, { color: false, mode: 'destroy' }), 'Destroy complete! Resources: 4 destroyed.');
    assert.equal(renderApplySummary({ add: 1, change: 0, destroy: 0 }, { color: true }), '\u001b[1m\u001b[32mApply complete! Resources: 1 added, 0 changed, 0 destroyed.\u001b[0m\u001b[0m');
  });

  it('writes apply hooks as JSON lines', () => {
    const clock = fixedClock(Date.UTC(2026, 0, 1));
    const line = JSON.parse(renderApplyEventJSON({ kind: 'complete', address: 'module.m.random_id.r[1]', action: 'create', elapsedSeconds: 2, idValue: 'abc' }, { clock })) as Record<string, unknown>;
    assert.deepEqual(line, {
      '@level': 'info', '@message': 'module.m.random_id.r[1]: Creation complete after 2s [id=abc]', '@module': 'streamform.ui',
      '@timestamp': '2026-01-01T00:00:00.000Z',
      hook: {
        resource: { addr: 'module.m.random_id.r[1]', module: 'module.m', resource: 'random_id.r[1]', implied_provider: 'random', resource_type: 'random_id', resource_name: 'r', resource_key: 1 },
        action: 'create', id_key: 'id', id_value: 'abc', elapsed_seconds: 2,
      },
      type: 'apply_complete',
    });
    const errored = JSON.parse(renderApplyEventJSON({ kind: 'errored', address: 'a.b', action: 'delete', elapsedSeconds: 0 }, { clock })) as Record<string, unknown>;
    assert.equal(errored['@level'], 'error');
    assert.equal(errored['type'], 'apply_errored');
    const summary = JSON.parse(renderApplySummaryJSON({ add: 1, change: 0, destroy: 0 }, { clock })) as Record<string, unknown>;
    assert.deepEqual(summary['changes'], { add: 1, change: 0, import: 0, remove: 0, operation: 'apply' });
    const outputs = JSON.parse(renderOutputsJSONLine([{ name: 'pw', value: 'secret', sensitive: true }, { name: 'n', value: 3, sensitive: false }], { clock })) as Record<string, unknown>;
    assert.deepEqual(outputs['outputs'], { n: { sensitive: false, type: 'number', value: 3 }, pw: { sensitive: true, type: 'string', value: null } });
  });
});
