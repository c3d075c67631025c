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

/**
 * Confluent's name for a stream's mode: append (inserts only), retract (with -U, or +I/-D with no
 * +U: a regular join's or Top-N's deletes carry the whole row), upsert.
 */
export function modeName(kinds: ChangelogKinds): ChangelogMode {
  if (isInsertOnly(kinds)) return 'append';
  return kinds.includes('UB') || !kinds.includes('UA') ? 'retract' : 'upsert';
}

/** Flink's EXPLAIN CHANGELOG_MODE spelling: `[I,UB,UA,D]`. */
export function printKinds(kinds: ChangelogKinds): string {
  return `[${kinds.join(',')}]`;
}

/**
 * A join's output kinds (runtime/join header): a regular INNER join of two insert-only inputs is
 * insert-only, any other regular join emits +I/-D (never -U/+U: an update leaves as -D then +I; an
 * outer join retracts its NULL padding); interval and window joins are insert-only; an event-time temporal
 * join emits its probe's kinds. A SEMI join forwards insert-only inputs as insert-only (a right row
 * only ever admits left rows); an ANTI join retracts a left row when its first match arrives.
 */
export function joinKinds(o: { readonly strategy: 'regular' | 'interval' | 'temporal' | 'window'; readonly joinType: string; readonly left: ChangelogKinds; readonly right: ChangelogKinds }): ChangelogKinds {
  switch (o.strategy) {
    case 'interval': case 'window': return ['I'];
    case 'temporal': return o.left;
    case 'regular': return (o.joinType === 'INNER' || o.joinType === 'SEMI') && isInsertOnly(o.left) && isInsertOnly(o.right) ? ['I'] : ['I', 'D'];
  }
}
