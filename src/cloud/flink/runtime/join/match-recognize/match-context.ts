/**
 * The rows of a (partial) match as DEFINE conditions and MEASURES see them. A match is a persistent
 * linked list of (row index, variable) — threads of the matcher share their common prefix — read
 * through the partition's row buffer.
 */
import type { Row } from '../../types.js';
import type { DefineContext, MatchView } from './types.js';

/**
 * One mapped row: its index in the partition and its variable; `prev` is the mapping before it.
 * Nodes are interned by (prev, idx, variable), so equal paths are the same node (same `id`).
 */
export interface PathNode {
  readonly id: number;
  readonly idx: number;
  readonly v: string;
  readonly prev: PathNode | null;
}

/** The path as an array, first row first. */
export function pathToArray(path: PathNode | null): PathNode[] {
  const out: PathNode[] = [];
  for (let p = path; p !== null; p = p.prev) out.push(p);
  return out.reverse();
}

/** A match context over a path (see the file header). */
export class MatchContext implements DefineContext, MatchView {
  readonly #path: PathNode;
  readonly #rowAt: (idx: number) => Row | null;
  #nodes: PathNode[] | undefined;
  readonly matchNumber: number;

  constructor(path: PathNode, rowAt: (idx: number) => Row | null, matchNumber = 0) {
    this.#path = path;
    this.#rowAt = rowAt;
    this.matchNumber = matchNumber;
  }

  /** The last mapped row (the current row while classifying). */
  get row(): Row { return this.#rowAt(this.#path.idx) ?? []; }

  rows(variable?: string): readonly Row[] {
    const out: Row[] = [];
    for (const n of this.#all()) if (variable === undefined || n.v === variable) out.push(this.#rowAt(n.idx) ?? []);
    return out;
  }

  first(variable?: string, offset = 0): Row | null {
    let k = 0;
    for (const n of this.#all()) {
      if (variable !== undefined && n.v !== variable) continue;
      if (k++ === offset) return this.#rowAt(n.idx);
    }
    return null;
  }

  last(variable?: string, offset = 0): Row | null {
    let k = 0;
    for (let p: PathNode | null = this.#path; p !== null; p = p.prev) {
      if (variable !== undefined && p.v !== variable) continue;
      if (k++ === offset) return this.#rowAt(p.idx);
    }
    return null;
  }

  count(variable?: string): number {
    let k = 0;
    for (let p: PathNode | null = this.#path; p !== null; p = p.prev) if (variable === undefined || p.v === variable) k++;
    return k;
  }

  prev(offset = 1, variable?: string): Row | null {
    let from: number | undefined;
    for (let p: PathNode | null = this.#path; p !== null; p = p.prev) {
      if (variable === undefined || p.v === variable) { from = p.idx; break; }
    }
    return from === undefined ? null : this.#rowAt(from - offset);
  }

  classifier(index?: number): string {
    if (index === undefined) return this.#path.v;
    return this.#all()[index]?.v ?? '';
  }

  #all(): PathNode[] {
    this.#nodes ??= pathToArray(this.#path);
    return this.#nodes;
  }
}
