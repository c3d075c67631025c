/**
 * Golden plan tests: each test/provisioner/plan/<case>/ holds main.tf (plus modules), an optional
 * prior-state.json (the `state pull` format, seeded with `state push`), and the expected plan.txt
 * (`plan -no-color`) and plan.json (`show -json` of the saved plan), volatile parts normalised.
 * UPDATE_GOLDEN=1 rewrites the expectations; a golden with no case fails the run.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { cli, goldenDir, readState, removeDir, workdir } from '../support/index.js';

const golden = goldenDir('test/provisioner/plan');
const EXPECTED = new Set(['plan.txt', 'plan.json']);
const isGolden = (rel: string): boolean => EXPECTED.has(rel.split('/').pop() ?? '');

const CASES = readdirSync(golden.dir).filter((c) => existsSync(join(golden.dir, c, 'main.tf'))).sort();

/** Replaces what differs between runs or releases: timestamps, versions, the state lineage, the temp dir. */
function normalise(text: string, dir: string, lineage: string | undefined): string {
  let t = text.split(dir).join('<dir>');
  if (lineage) t = t.split(lineage).join('<lineage>');
  t = t.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<timestamp>');
  t = t.replace(/"(streamform_version|terraform_version)": "[^"]*"/g, '"$1": "<version>"');
  // Refresh progress lines are printed as refreshes finish (concurrently): sort each run of them.
  const out: string[] = [];
  let run: string[] = [];
  for (const line of t.split('\n')) {
    if (/: Refreshing state\.\.\./.test(line)) { run.push(line); continue; }
    out.push(...run.sort(), line);
    run = [];
  }
  out.push(...run.sort());
  return out.join('\n');
}

describe('golden plans', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach(removeDir));

  test('every case directory is complete', () => {
    assert.ok(CASES.length >= 12, `found ${CASES.length} cases`);
  });

  for (const name of CASES) {
    test(name, async () => {
      const dir = workdir({}, `sf-plan-${name}-`);
      dirs.push(dir);
      cpSync(join(golden.dir, name), dir, { recursive: true });
      for (const f of EXPECTED) rmSync(join(dir, f), { force: true });
      const prior = golden.read(`${name}/prior-state.json`);
      if (prior !== undefined) {
        const pushed = await cli(dir, ['state', 'push', 'prior-state.json']);
        assert.equal(pushed.code, 0, pushed.out + pushed.err);
      }
      const plan = await cli(dir, ['plan', '-no-color', '-out=saved.plan']);
      assert.equal(plan.code, 0, plan.out + plan.err);
      const lineage = readState(dir)?.lineage;
      golden.expect(`${name}/plan.txt`, normalise(plan.out, dir, lineage));
      const shown = await cli(dir, ['show', '-json', 'saved.plan']);
      assert.equal(shown.code, 0, shown.err);
      const json = JSON.stringify(JSON.parse(shown.out), null, 2) + '\n';
      golden.expect(`${name}/plan.json`, normalise(json, dir, lineage));
    });
  }

  test('no orphaned golden files', () => {
    assert.deepEqual(golden.unused(isGolden), []);
  });
});
