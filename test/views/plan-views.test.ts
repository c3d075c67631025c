/**
 * Golden tests of the plan views over every case in plan-cases.ts: terminal text (with and
 * without colour), `show -json`, `-json` UI lines and the pull-request Markdown.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  planToJSON, renderPlanJSONLines, renderPlanMarkdown, renderPlanText, stripAnsi,
} from '../../src/views/index.js';
import { fixedClock } from '../../src/shared/index.js';
import { CASES, change, plan } from './plan-cases.js';
import { expectGolden, unusedGoldens } from './golden.js';

const MARKDOWN_CASES = ['errored', 'create', 'replace', 'sensitive', 'multiline-sql', 'drift', 'no-changes', 'refresh-only'];
const JSONL_CASES = ['create', 'replace', 'drift', 'move-import', 'sensitive'];
const COLOR_CASES = ['create', 'replace', 'drift', 'multiline-sql'];

describe('plan views goldens', () => {
  for (const [name, p] of Object.entries(CASES)) {
    it(`${name}: text`, () => expectGolden(`${name}.txt`, renderPlanText(p, { color: false })));
    it(`${name}: show -json`, () => expectGolden(`${name}.json`, JSON.stringify(planToJSON(p), null, 2) + '\n'));
    if (MARKDOWN_CASES.includes(name)) it(`${name}: markdown`, () => expectGolden(`${name}.md`, renderPlanMarkdown(p)));
    if (JSONL_CASES.includes(name)) {
      it(`${name}: -json lines`, () => {
        expectGolden(`${name}.jsonl`, renderPlanJSONLines(p, { clock: fixedClock(Date.UTC(2026, 10, 24)) }).join('\n') + '\n');
      });
    }
    if (COLOR_CASES.includes(name)) {
      it(`${name}: colour is the plain text plus ANSI codes`, () => {
        const colored = renderPlanText(p, { color: true });
        expectGolden(`${name}.color.txt`, colored);
        assert.equal(stripAnsi(colored), renderPlanText(p, { color: false }));
      });
    }
  }
  after(() => {
    assert.deepEqual(unusedGoldens(), [], 'orphaned goldens in test/views/golden');
  });
});

describe('plan views behaviour', () => {
  it('never shows a sensitive value in any rendering', () => {
    const p = CASES['sensitive'];
    assert.ok(p !== undefined);
    const renderings = [
      renderPlanText(p, { color: false }), renderPlanText(p, { color: true }),
      JSON.stringify(planToJSON(p)), renderPlanMarkdown(p),
      renderPlanJSONLines(p, { clock: fixedClock(0) }).join('\n'),
    ];
    for (const r of renderings) assert.ok(!r.includes('hunter2'), `leaked in: ${r.slice(0, 200)}`);
    assert.ok(renderings[0]?.includes('(sensitive value)'));
  });

  it('marks sensitive and unknown paths in the JSON mirrors and masks the values', () => {
    const json = planToJSON(CASES['sensitive'] ?? plan([]));
    const rc = json['resource_changes'];
    assert.ok(Array.isArray(rc));
    const stmt = rc[1] as { change: Record<string, unknown> };
    assert.deepEqual(stmt.change['after_unknown'], { credentials: [{}], id: true, properties: {} });
    assert.deepEqual(stmt.change['after_sensitive'], { credentials: [{ secret: true }], properties: { password: true } });
    assert.equal(stmt.change['before_sensitive'], false);
    const after = stmt.change['after'] as { properties: Record<string, unknown>; credentials: { secret: unknown }[] };
    assert.equal(after.properties['password'], null);
    assert.equal(after.credentials[0]?.secret, null);
    assert.deepEqual(json['variables'], { db_password: { value: null, sensitive: true }, region: { value: 'eu-west-1' } });
    const outputs = json['output_changes'] as Record<string, Record<string, unknown>>;
    assert.deepEqual(outputs['api_secret'], {
      actions: ['create'], before: null, after: null, after_unknown: false, before_sensitive: true, after_sensitive: true,
    });
  });

  it('writes Terraform action arrays, reasons and replace paths', () => {
    const json = planToJSON(CASES['replace'] ?? plan([]));
    const rc = json['resource_changes'] as { address: string; action_reason?: string; change: Record<string, unknown> }[];
    const by = (a: string): { action_reason?: string; change: Record<string, unknown> } | undefined => rc.find((r) => r.address === a);
    assert.deepEqual(by('random_id.r')?.change['actions'], ['delete', 'create']);
    assert.deepEqual(by('random_id.r')?.change['replace_paths'], [['byte_length'], ['keepers']]);
    assert.equal(by('random_id.r')?.action_reason, 'replace_because_cannot_update');
    assert.deepEqual(by('random_id.t')?.change['actions'], ['create', 'delete']);
    assert.equal(by('random_id.t')?.action_reason, 'replace_because_tainted');
    assert.equal(by('random_id.q')?.action_reason, 'replace_by_request');
    assert.equal(by('random_id.u')?.action_reason, 'replace_by_triggers');
    const del = planToJSON(CASES['delete'] ?? plan([]))['resource_changes'] as { change: Record<string, unknown>; action_reason?: string; index?: unknown; module_address?: string }[];
    assert.deepEqual(del.map((d) => d.change['actions']), [['delete'], ['delete'], ['delete'], ['delete']]);
    assert.deepEqual(del[0]?.change['after_unknown'], {});
    assert.equal(del[0]?.change['after_sensitive'], false);
    assert.equal(del[1]?.index, 2);
    assert.equal(del[2]?.index, 'b');
    assert.equal(del[3]?.module_address, 'module.old');
  });

  it('nests planned values by module', () => {
    const json = planToJSON(CASES['modules'] ?? plan([]));
    const root = (json['planned_values'] as { root_module: { resources: { address: string }[]; child_modules: { address: string; resources: { address: string }[]; child_modules: { address: string; resources: { address: string }[] }[] }[] } }).root_module;
    assert.deepEqual(root.resources.map((r) => r.address), ['random_id.root']);
    assert.equal(root.child_modules[0]?.address, 'module.net');
    assert.deepEqual(root.child_modules[0]?.resources.map((r) => r.address), ['module.net.random_id.s["a"]']);
    assert.equal(root.child_modules[0]?.child_modules[0]?.address, 'module.net.module.inner');
  });

  it('shows only the symbols it uses in the legend', () => {
    const text = renderPlanText(plan([change('random_id.a', 'create', null, { id: 'x' })]), { color: false });
    assert.ok(text.includes('  + create\n'));
    assert.ok(!text.includes('destroy\n') && !text.includes('update in-place'));
    assert.ok(text.endsWith('Plan: 1 to add, 0 to change, 0 to destroy.\n'));
  });

  it('puts import first in the summary when there are imports', () => {
    const text = renderPlanText(CASES['move-import'] ?? plan([]), { color: false });
    assert.match(text, /Plan: 2 to import, 0 to add, 2 to change, 0 to destroy\./);
  });

  it('streams a change_summary only when the plan has no errors, and diagnostics last', () => {
    const p = plan([change('random_id.a', 'create', null, { id: 'x' })], {
      diagnostics: [{ severity: 'error', code: 'config-unknown-attribute', summary: 'Unsupported argument' }], applyable: false,
    });
    const lines = renderPlanJSONLines(p, { clock: fixedClock(0) }).map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(lines.map((l) => l['type']), ['version', 'planned_change', 'diagnostic']);
    assert.equal(lines[2]?.['@level'], 'error');
    assert.equal(lines[0]?.['@module'], 'streamform.ui');
  });

  it('drops per-change diffs from the markdown when it would be too long for a comment', () => {
    const md = renderPlanMarkdown(CASES['multiline-sql'] ?? plan([]), { maxChars: 500 });
    assert.ok(!md.includes('```diff'));
    assert.ok(md.includes('| 🟡 | `confluent_flink_statement.enrich` | update |'));
  });
});
