import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedClock } from '../shared/index.js';
import { ApplyProgressReporter } from './apply-progress-reporter.js';

describe('apply-progress-reporter', () => {
  it('turns a create, an update with a provider message and a failed delete into Terraform lines', () => {
    const clock = fixedClock(1_000_000);
    const lines: string[] = [];
    const { hooks } = new ApplyProgressReporter({ color: false, clock, emit: (l) => lines.push(l) });
    hooks.refreshDone?.('random_id.r', 'abc');
    hooks.applyStart?.('random_id.r', 'create');
    hooks.applyProgress?.('random_id.r', 'still', 10_000);
    hooks.applyDone?.('random_id.r', 'create', 12_500, 'abc');
    hooks.applyStart?.('confluent_flink_statement.s', 'update', 'st-1');
    hooks.applyProgress?.('confluent_flink_statement.s', 'statement phase RUNNING', 2_000);
    hooks.applyDone?.('confluent_flink_statement.s', 'update', 3_000);
    hooks.applyStart?.('random_id.old', 'delete-deposed', 'zz');
    clock.advance(4_000);
    hooks.applyFailed?.('random_id.old', []);
    assert.deepEqual(lines, [
      'random_id.r: Refreshing state... [id=abc]',
      'random_id.r: Creating...',
      'random_id.r: Still creating... [10s elapsed]',
      'random_id.r: Creation complete after 12s [id=abc]',
      'confluent_flink_statement.s: Modifying... [id=st-1]',
      'confluent_flink_statement.s: statement phase RUNNING',
      'confluent_flink_statement.s: Modifications complete after 3s [id=st-1]',
      'random_id.old (deposed object): Destroying... [id=zz]',
      'random_id.old (deposed object): Destruction errored after 4s',
    ]);
  });

  it('emits JSON UI lines when asked', () => {
    const lines: string[] = [];
    const { hooks } = new ApplyProgressReporter({ color: false, json: true, clock: fixedClock(0), emit: (l) => lines.push(l) });
    hooks.applyStart?.('random_id.r', 'replace');
    hooks.applyDone?.('random_id.r', 'replace', 0, 'x');
    const parsed = lines.map((l) => JSON.parse(l) as { type: string; hook: { action: string; id_value?: string } });
    assert.deepEqual(parsed.map((p) => p.type), ['apply_start', 'apply_complete']);
    assert.equal(parsed[1]?.hook.action, 'create');
    assert.equal(parsed[1]?.hook.id_value, 'x');
  });
});
