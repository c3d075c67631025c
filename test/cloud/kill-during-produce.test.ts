/**
 * Crash safety of the local cloud over HTTP: a producer keeps several requests in flight against a
 * server in a child process, the child is killed with SIGKILL mid-stream, a new server starts on
 * the same data dir, and every record whose produce was acknowledged is readable at the same
 * partition and offset with the same key and value.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCloudChild } from './cloud-child.js';
import type { CloudChild } from './cloud-child.js';

const PARTITIONS = 3;
const IN_FLIGHT = 8;
/** Acknowledged records before the kill; the kill lands while more are in flight. */
const ACKED_BEFORE_KILL = 300;

async function post(url: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

interface Acked { readonly partition: number; readonly offset: number; readonly key: string; readonly value: string }

test('records acknowledged before a SIGKILL are all there after a restart, at the same offsets', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'streamform-kill9-'));
  let server: CloudChild | undefined;
  try {
    server = await startCloudChild(dataDir);
    const env = (await post(`${server.url}/org/v2/environments`, { display_name: 'crash' })).body['id'];
    const cluster = await post(`${server.url}/cmk/v2/clusters`, { spec: { display_name: 'k', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: env } } });
    const kafka = `${server.url}/kafka/v3/clusters/${String(cluster.body['id'])}`;
    assert.equal((await post(`${kafka}/topics`, { topic_name: 'payments', partitions_count: PARTITIONS })).status, 201);

    // Producer workers: each keeps one request in flight until the kill makes fetch fail.
    const acked: Acked[] = [];
    let seq = 0;
    let killed = false;
    let onEnough: () => void = () => undefined;
    const enough = new Promise<void>((resolve) => { onEnough = resolve; });
    const worker = async (): Promise<void> => {
      while (!killed) {
        const n = seq++;
        const key = `k${n % 17}`, value = `payment-${n}-${'x'.repeat(n % 50)}`;
        let r: { status: number; body: Record<string, unknown> };
        try {
          r = await post(`${kafka}/topics/payments/records`, { key: { type: 'STRING', data: key }, value: { type: 'STRING', data: value } });
        } catch {
          return; // the server died with this request in flight: not acknowledged
        }
        assert.equal(r.status, 200);
        acked.push({ partition: Number(r.body['partition_id']), offset: Number(r.body['offset']), key, value });
        if (acked.length >= ACKED_BEFORE_KILL) onEnough();
      }
    };
    const workers = Array.from({ length: IN_FLIGHT }, () => worker());
    await enough;
    killed = true;
    server.child.kill('SIGKILL');
    assert.equal(await server.exited, 'SIGKILL');
    await Promise.all(workers);
    assert.ok(acked.length >= ACKED_BEFORE_KILL);

    server = await startCloudChild(dataDir);
    const restartedKafka = `${server.url}/kafka/v3/clusters/${String(cluster.body['id'])}`;
    const stored = new Map<string, { key: string; value: string }>();
    for (let p = 0; p < PARTITIONS; p++) {
      let offset = 0;
      for (;;) {
        const res = await fetch(`${restartedKafka}/topics/payments/partitions/${p}/records?offset=${offset}&max=1000`);
        assert.equal(res.status, 200);
        const page = await res.json() as { next_offset: number; high_watermark: number; data: { offset: number; key: string; value: string }[] };
        for (const r of page.data) stored.set(`${p}@${r.offset}`, { key: Buffer.from(r.key, 'base64').toString('utf8'), value: Buffer.from(r.value, 'base64').toString('utf8') });
        if (page.next_offset >= page.high_watermark) break;
        offset = page.next_offset;
      }
    }
    const missing = acked.filter((a) => {
      const s = stored.get(`${a.partition}@${a.offset}`);
      return s === undefined || s.key !== a.key || s.value !== a.value;
    });
    assert.deepEqual(missing, [], `${missing.length} of ${acked.length} acknowledged records are missing or different`);
    // Offsets are dense per partition: nothing was lost in the middle of a log.
    for (let p = 0; p < PARTITIONS; p++) {
      const offsets = [...stored.keys()].filter((k) => k.startsWith(`${p}@`)).map((k) => Number(k.slice(k.indexOf('@') + 1))).sort((a, b) => a - b);
      assert.deepEqual(offsets, offsets.map((_, i) => i));
    }
  } finally {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
