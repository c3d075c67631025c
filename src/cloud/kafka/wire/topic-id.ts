/** Stable topic ids (Metadata v10+, CreateTopics v7+): derived, so no schema change is needed. */
import { createHash } from 'node:crypto';
import type { TopicDescription } from '../types.js';

/** 16 bytes derived from cluster, name and creation time: a re-created topic gets a new id. */
export function topicIdOf(t: TopicDescription): Buffer {
  const id = createHash('sha256').update(`${t.cluster}\u0000${t.name}\u0000${t.createdAt}`).digest().subarray(0, 16);
  id[6] = ((id[6] ?? 0) & 0x0f) | 0x40;
  id[8] = ((id[8] ?? 0) & 0x3f) | 0x80;
  return id;
}

/** The all-zero id Kafka sends when a topic has none (e.g. unknown topics). */
export const ZERO_TOPIC_ID: Buffer = Buffer.alloc(16);
