/**
 * `destroy` after an ad-hoc query: `streamform sql` leaves a statement in the environment that
 * Terraform does not manage. Confluent Cloud deletes an environment "and all resources it
 * contains" (and deleting the compute pool first only stops the statement), so the environment's
 * deletion must not be refused because of it. Real CLI in child processes, real local cloud.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hclOpening } from '../support/index.js';

const BIN = fileURLToPath(new URL('../../../bin/streamform.js', import.meta.url));

const MAIN_TF = `
${hclOpening({ environment: 'adhoc', cluster: 'cluster_0', clusterResource: 'basic', organization: false })}
resource "confluent_flink_compute_pool" "pool" {
  display_name = "pool"
  cloud        = "AWS"
  region       = "us-east-2"
  max_cfu      = 10
  environment { id = confluent_environment.env.id }
}
`;

interface Run { readonly code: number; readonly stdout: string; readonly stderr: string }

function cli(dir: string, ...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env['STREAMFORM_CLOUD_URL'];
  delete env['STREAMFORM_CLOUD_DIR'];
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, `-chdir=${dir}`, ...args], { env, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

function explain(r: Run): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

test('destroy succeeds after a `streamform sql` query left an unmanaged statement in the environment', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'streamform-adhoc-'));
  writeFileSync(join(dir, 'main.tf'), MAIN_TF);
  try {
    const applied = await cli(dir, 'apply', '-auto-approve');
    assert.equal(applied.code, 0, explain(applied));

    const query = await cli(dir, 'sql', '-e', 'SELECT 1 AS one', '--format', 'json');
    assert.equal(query.code, 0, explain(query));
    assert.deepEqual(JSON.parse(query.stdout), [{ one: 1 }]);

    const status = JSON.parse((await cli(dir, 'cloud', 'status', '--json')).stdout) as { url: string };
    const envs = await (await fetch(`${status.url}/org/v2/environments`)).json() as { data: { id: string; display_name: string }[] };
    const envId = envs.data.find((e) => e.display_name === 'adhoc')?.id ?? '';
    const org = await (await fetch(`${status.url}/org/v2/organizations`)).json() as { data: { id: string }[] };
    const statementsUrl = `${status.url}/sql/v1/organizations/${org.data[0]?.id ?? ''}/environments/${envId}/statements`;
    const before = await (await fetch(statementsUrl)).json() as { data: unknown[] };
    assert.equal(before.data.length, 1, 'the query left its statement behind');

    const destroyed = await cli(dir, 'destroy', '-auto-approve');
    assert.equal(destroyed.code, 0, explain(destroyed));
    assert.match(destroyed.stdout, /Resources: 3 destroyed/);
    const left = await (await fetch(`${status.url}/org/v2/environments`)).json() as { data: { display_name: string }[] };
    assert.deepEqual(left.data.filter((e) => e.display_name === 'adhoc'), []);
    const gone = await fetch(statementsUrl);
    assert.equal(gone.status, 404, 'the environment took its statements with it');
  } finally {
    await cli(dir, 'cloud', 'stop');
    rmSync(dir, { recursive: true, force: true });
  }
});
