/**
 * Kafka's default partitioner: keyed records go to `toPositive(murmur2(key)) % numPartitions`
 * exactly as the Java client computes it, so a key lands on the same partition here as on a
 * real cluster; records without a key use a sticky partition that moves round-robin per batch.
 */

/** Kafka's murmur2 (org.apache.kafka.common.utils.Utils.murmur2) as a signed 32-bit int. */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  const m = 0x5bd1e995;
  const r = 24;
  let h = (0x9747b28c ^ length) | 0;
  const length4 = length >>> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    let k = (data[i4] ?? 0) | ((data[i4 + 1] ?? 0) << 8) | ((data[i4 + 2] ?? 0) << 16) | ((data[i4 + 3] ?? 0) << 24);
    k = Math.imul(k, m);
    k ^= k >>> r;
    k = Math.imul(k, m);
    h = Math.imul(h, m);
    h ^= k;
  }
  const tail = length & ~3;
  // Kafka's switch falls through from case 3 to case 1; the same as cumulative ifs.
  const rest = length % 4;
  if (rest === 3) h ^= (data[tail + 2] ?? 0) << 16;
  if (rest >= 2) h ^= (data[tail + 1] ?? 0) << 8;
  if (rest >= 1) {
    h ^= data[tail] ?? 0;
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

/** Kafka's Utils.toPositive: clears the sign bit (not Math.abs). */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

/** The partition Kafka's default partitioner picks for a non-null key. */
export function partitionForKey(key: Uint8Array, numPartitions: number): number {
  return toPositive(murmur2(key)) % numPartitions;
}

/**
 * Sticky partitioning for records without a key: every record of one append call goes to the
 * same partition, and the next call moves to the next partition (round-robin over calls).
 * In-memory only: after a restart the rotation starts again at partition 0, which Kafka allows.
 */
export class StickyPartitioner {
  readonly #next = new Map<string, number>();

  /** The partition for this batch's null-key records of `topicKey`; advances the rotation. */
  nextPartition(topicKey: string, numPartitions: number): number {
    const n = this.#next.get(topicKey) ?? 0;
    this.#next.set(topicKey, n + 1);
    return n % numPartitions;
  }
}
