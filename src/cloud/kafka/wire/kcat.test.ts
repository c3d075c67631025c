import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { CLUSTER, startHarness } from './listener-harness.fixture.js';

const KCAT = spawnSync('kcat', ['-V'], { encoding: 'utf8' });
const SKIP = KCAT.error === undefined && KCAT.status === 0 ? false : 'kcat is not installed (apt-get install -y kcat); the librdkafka interoperability test needs the binary';

/** Runs kcat with `input` on stdin; resolves with stdout, rejects on a non-zero exit. */
function kcat(args: readonly string[], input = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('kcat', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`kcat ${args.join(' ')} exited ${code}: ${err}`))));
    child.stdin.end(input);
  });
}

const SASL = ['-X', 'security.protocol=SASL_PLAINTEXT', '-X', 'sasl.mechanisms=PLAIN', '-X', 'sasl.username=API_KEY', '-X', 'sasl.password=API_SECRET'];

test('kcat (librdkafka) produces with keys, headers and gzip, and consumes from the beginning', { skip: SKIP, timeout: 9000 }, async () => {
  const h = await startHarness();
  try {
    h.store.createTopic(CLUSTER, 'kc', { partitionsCount: 1 });
    await kcat(['-b', h.bootstrap, '-P', '-t', 'kc', '-K', ':', '-H', 'origin=kcat', '-z', 'gzip'], 'k1:hello\nk2:world\n');
    const read = h.store.read(CLUSTER, 'kc', 0, 0, 10).records;
    assert.deepEqual(read.map((r) => [r.key?.toString(), r.value?.toString(), r.headers.map((x) => `${x.key}=${x.value?.toString()}`).join(',')]), [['k1', 'hello', 'origin=kcat'], ['k2', 'world', 'origin=kcat']]);
    const out = await kcat(['-b', h.bootstrap, '-C', '-t', 'kc', '-e', '-o', 'beginning', '-q', '-f', '%p|%o|%k|%s|%h\n']);
    assert.deepEqual(out.trim().split('\n'), ['0|0|k1|hello|origin=kcat', '0|1|k2|world|origin=kcat']);
  } finally {
    await h.close();
  }
});

test('kcat with SASL PLAIN consumes in a consumer group and commits its offsets', { skip: SKIP, timeout: 9000 }, async () => {
  const h = await startHarness();
  try {
    h.store.createTopic(CLUSTER, 'kg', { partitionsCount: 2 });
    h.store.append(CLUSTER, 'kg', [0, 1, 2].map((i) => ({ partition: i % 2, value: Buffer.from(`v${i}`) })));
    const out = await kcat(['-b', h.bootstrap, ...SASL, '-G', 'kcat-group', 'kg', '-e', '-q', '-X', 'auto.offset.reset=earliest', '-f', '%s\n']);
    assert.deepEqual(out.trim().split('\n').sort(), ['v0', 'v1', 'v2']);
    assert.deepEqual(h.offsets.fetchOffsets(CLUSTER, 'kcat-group').map((o) => [o.partition, o.offset]), [[0, 2], [1, 1]]);
  } finally {
    await h.close();
  }
});
