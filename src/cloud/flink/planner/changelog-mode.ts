/**
 * Changelog modes: which change kinds a node emits, derived bottom-up before anything runs, and the
 * names Confluent uses for them (append / upsert / retract).
 */
import type { ChangelogMode } from '../catalog/index.js';
import type { ChangeKind, ChangelogKinds } from './types.js';

const ORDER: readonly ChangeKind[] = ['I', 'UB', 'UA', 'D'];

/** The change kinds a table's source emits for its `changelog.mode`. */
export function sourceKinds(mode: ChangelogMode): ChangelogKinds {
  switch (mode) {
    case 'append': return ['I'];
    case 'upsert': return ['I', 'UA', 'D'];
    case 'retract': return ['I', 'UB', 'UA', 'D'];
  }
}

/** The union of several nodes' kinds. */
export function unionKinds(all: readonly ChangelogKinds[]): ChangelogKinds {
  const s = new Set(all.flat());
  return ORDER.filter((k) => s.has(k));
}

/** True for insert-only streams. */
export function isInsertOnly(kinds: ChangelogKinds): boolean {
  return kinds.length === 1 && kinds[0] === 'I';
}

/** Confluent's name for a stream's mode: append (inserts only), retract (with -U), upsert. */
export function modeName(kinds: ChangelogKinds): ChangelogMode {
  if (isInsertOnly(kinds)) return 'append';
  return kinds.includes('UB') ? 'retract' : 'upsert';
}

/** Flink's EXPLAIN CHANGELOG_MODE spelling: `[I,UB,UA,D]`. */
export function printKinds(kinds: ChangelogKinds): string {
  return `[${kinds.join(',')}]`;
}
