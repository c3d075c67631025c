/**
 * Datagen source offsets in the Connect shape the connector API shows: partition
 * `{"task.id": n}`, offset `{"task.generation", "current.iteration", "random.seed"}` — the keys
 * the real task stores, each holding the NEXT state.
 */
import type { DatagenOffset } from './types.js';

/** A partition/offset pair as the connector store keeps it. */
export interface ConnectOffsetPair {
  readonly partition: { readonly [key: string]: unknown };
  readonly offset: { readonly [key: string]: unknown };
}

/** The Connect-shaped offset of one task. */
export function toConnectOffset(taskId: number, offset: DatagenOffset): ConnectOffsetPair {
  return {
    partition: { 'task.id': taskId },
    offset: { 'task.generation': offset.generation, 'current.iteration': offset.iteration, 'random.seed': offset.seed },
  };
}

/** The offset of `taskId` among stored pairs, when present and well-formed. */
export function fromConnectOffsets(pairs: readonly ConnectOffsetPair[], taskId: number): DatagenOffset | undefined {
  const pair = pairs.find((p) => Number(p.partition['task.id']) === taskId);
  if (pair === undefined) return undefined;
  const iteration = Number(pair.offset['current.iteration']);
  const seed = Number(pair.offset['random.seed']);
  const generation = Number(pair.offset['task.generation'] ?? 0);
  if (![iteration, seed, generation].every((n) => Number.isSafeInteger(n) && n >= 0)) return undefined;
  return { iteration, seed, generation };
}
