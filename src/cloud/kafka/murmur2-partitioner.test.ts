import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { murmur2, partitionForKey, toPositive } from './index.js';

// Vectors computed by hand from Kafka's Utils.murmur2 definition (seed 0x9747b28c, m 0x5bd1e995, r 24);
// they equal the ones Kafka's own UtilsTest checks.
const VECTORS: readonly [string, number][] = [
  ['21', -973932308],
  ['foobar', -790332482],
  ['a-little-bit-long-string', -985981536],
  ['a-little-bit-longer-string', -1486304829],
  ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
  ['abc', 479470107],
];

test('murmur2 matches Kafka for known vectors (every tail length)', () => {
  for (const [s, h] of VECTORS) assert.equal(murmur2(Buffer.from(s)), h, s);
});

test('toPositive clears the sign bit like Kafka (not Math.abs)', () => {
  assert.equal(toPositive(-973932308), 1173551340);
  assert.equal(toPositive(-2147483648), 0);
  assert.equal(partitionForKey(Buffer.from('21'), 6), 1173551340 % 6);
});

test('murmur2 agrees with kafkajs\'s Java-compatible partitioner hash on many keys', () => {
  const require = createRequire(import.meta.url);
  const kafkajsMurmur2 = require('kafkajs/src/producer/partitioners/default/murmur2.js') as (key: Buffer) => number;
  for (let i = 0; i < 500; i++) {
    const key = Buffer.alloc(i % 37);
    for (let j = 0; j < key.length; j++) key[j] = (i * 31 + j * 17) & 0xff;
    assert.equal(murmur2(key), kafkajsMurmur2(key), `key ${key.toString('hex')}`);
  }
});
