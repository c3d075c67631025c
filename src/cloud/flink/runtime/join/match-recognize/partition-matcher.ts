/**
 * Pattern matching over one partition's rows, in ORDER BY order, one row at a time.
 *
 * Every live partial match is a thread (start row, program counter, mapped rows). Threads are kept
 * in preference order: earlier start first, then the order a backtracking matcher would try them
 * (greedy quantifiers prefer one more row, reluctant ones one fewer; alternation prefers the left
 * branch). A thread that reaches the end of the pattern becomes a completed match but is only
 * emitted once no thread ahead of it is alive — a preferred thread still running may yet produce
 * the preferred match (SQL's "preferment" rule); completed matches behind it with the same start
 * can never win and are dropped. Empty matches are never produced.
 *
 * After a match, AFTER MATCH SKIP decides where the next match may start: past the last row, at
 * the row after the first row, or at the first/last row mapped to a variable (a target that would
 * not move forward — or a variable absent from the match — falls back to the next row). WITHIN
 * kills a thread whose rows would span `withinMs` or more. Rows are kept only while a thread or
 * PREV can reach them.
 *
 * Threads that map the same rows to the same variables and wait at the same instruction have the
 * same future, so only the preferred one is kept (paths are interned to make that check cheap);
 * DEFINE is evaluated once per distinct (path, row). A quantified group that can match no rows may
 * take an empty iteration (ECMAScript regexes forbid that and backtrack instead; SQL engines differ
 * here, and Flink rejects most such patterns). At most MAX_THREADS threads per partition survive.
 */
import { invariant } from '../../../../../shared/index.js';
import { decodeRow, encodeRow, type Json } from '../../stateful/value-codec.js';
import type { Row } from '../../types.js';
import { MatchContext, pathToArray, type PathNode } from './match-context.js';
import { closure, compilePattern, type PatternProgram } from './pattern-program.js';
import type { MatchRecognizeSpec } from './types.js';

/** Most threads one partition keeps; lower-preference threads beyond are dropped. */
export const MAX_THREADS = 10_000;

interface Thread {
  readonly start: number;
  readonly startTime: number;
  /** A `var` instruction to consume the next row with, or -1 for a completed match. */
  readonly pc: number;
  readonly path: PathNode | null;
}

/** A completed match handed to the operator. */
export interface FoundMatch {
  readonly view: MatchContext;
  readonly firstRow: Row;
  readonly lastTime: number;
}

/** The compiled pattern plus what every partition shares. */
export class CompiledMatchRecognize {
  readonly spec: MatchRecognizeSpec;
  readonly program: PatternProgram;
  /** closure(pc) per pc, with `match` pcs turned into -1. */
  readonly closures: readonly (readonly number[])[];
  readonly maxPrev: number;

  constructor(spec: MatchRecognizeSpec) {
    this.spec = spec;
    this.program = compilePattern(spec.pattern);
    this.closures = this.program.instrs.map((_, pc) => closure(this.program, pc).map((p) => (this.program.instrs[p]?.op === 'match' ? -1 : p)));
    this.maxPrev = spec.maxPrevOffset ?? 1;
    const skip = spec.skip;
    if (skip.kind === 'to-first' || skip.kind === 'to-last') {
      invariant(this.program.variables.includes(skip.variable), `AFTER MATCH SKIP TO ${skip.variable}: not a pattern variable`);
    }
  }
}

/** Snapshot of one partition. */
export interface PartitionMatcherState {
  readonly base: number;
  readonly rows: readonly Json[];
  readonly matchNumber: number;
  readonly threads: readonly (readonly [number, number, number, readonly (readonly [number, string])[]])[];
}

/** The matcher of one partition. */
export class PartitionMatcher {
  readonly #c: CompiledMatchRecognize;
  #rows: Row[] = [];
  #times: number[] = [];
  #base = 0;
  #threads: Thread[] = [];
  #matchNumber = 0;
  #nextNodeId = 1;
  readonly #rowAt = (idx: number): Row | null => this.#rows[idx - this.#base] ?? null;

  constructor(compiled: CompiledMatchRecognize) {
    this.#c = compiled;
  }

  /** Live threads (for tests). */
  get threads(): number { return this.#threads.length; }
  /** Buffered rows (for tests). */
  get bufferedRows(): number { return this.#rows.length; }

  /** Classifies the next row of the partition; completed matches go to `emit`. */
  push(row: Row, time: number, emit: (m: FoundMatch) => void): void {
    const i = this.#base + this.#rows.length;
    this.#rows.push(row);
    this.#times.push(time);
    const { closures, program, spec } = this.#c;
    for (const pc of closures[0] ?? []) if (pc >= 0) this.#threads.push({ start: i, startTime: time, pc, path: null });
    const next: Thread[] = [];
    const nodes = new Map<string, PathNode>();
    const verdicts = new Map<number, boolean>();
    for (const t of this.#threads) {
      if (t.pc < 0) { next.push(t); continue; }
      if (spec.withinMs !== undefined && time - t.startTime >= spec.withinMs) continue;
      const ins = program.instrs[t.pc];
      invariant(ins?.op === 'var', 'a running thread waits on a var instruction');
      const path = this.#intern(nodes, i, ins.name, t.path);
      let ok = verdicts.get(path.id);
      if (ok === undefined) {
        const cond = spec.define[ins.name];
        ok = cond === undefined || cond(new MatchContext(path, this.#rowAt)) === true;
        verdicts.set(path.id, ok);
      }
      if (!ok) continue;
      for (const pc of closures[t.pc + 1] ?? []) next.push({ start: t.start, startTime: t.startTime, pc, path });
    }
    this.#threads = prune(next);
    this.#drain(emit);
  }

  /** The watermark passed `wm`: threads that WITHIN no longer allows to grow die. */
  expire(wm: number, emit: (m: FoundMatch) => void): void {
    const within = this.#c.spec.withinMs;
    if (within === undefined) return;
    const before = this.#threads.length;
    this.#threads = this.#threads.filter((t) => t.pc < 0 || wm + 1 - t.startTime < within);
    if (this.#threads.length !== before) this.#drain(emit);
  }

  /** The input ended: running threads can no longer complete. */
  finish(emit: (m: FoundMatch) => void): void {
    this.#threads = this.#threads.filter((t) => t.pc < 0);
    this.#drain(emit);
  }

  snapshot(): PartitionMatcherState {
    return {
      base: this.#base,
      rows: this.#rows.map((r, k) => [encodeRow(r), this.#times[k] ?? 0]),
      matchNumber: this.#matchNumber,
      threads: this.#threads.map((t) => [t.start, t.startTime, t.pc, pathToArray(t.path).map((n) => [n.idx, n.v] as const)] as const),
    };
  }

  restore(s: PartitionMatcherState): void {
    this.#base = s.base;
    this.#rows = s.rows.map((j) => decodeRow((j as readonly Json[])[0] ?? null));
    this.#times = s.rows.map((j) => (j as readonly Json[])[1] as number);
    this.#matchNumber = s.matchNumber;
    const interned = new Map<string, PathNode>();
    this.#threads = s.threads.map(([start, startTime, pc, nodes]) => {
      let path: PathNode | null = null;
      for (const [idx, v] of nodes) path = this.#intern(interned, idx, v, path);
      return { start, startTime, pc, path };
    });
  }

  /** The path node for (prev, idx, v), shared by every thread that maps the same rows the same way. */
  #intern(nodes: Map<string, PathNode>, idx: number, v: string, prev: PathNode | null): PathNode {
    const key = `${prev?.id ?? 0}:${idx}:${v}`;
    let n = nodes.get(key);
    if (n === undefined) {
      n = { id: this.#nextNodeId++, idx, v, prev };
      nodes.set(key, n);
    }
    return n;
  }

  /** Emits completed matches at the head of the preference order, applying AFTER MATCH SKIP. */
  #drain(emit: (m: FoundMatch) => void): void {
    for (let head = this.#threads[0]; head !== undefined && head.pc < 0; head = this.#threads[0]) {
      const path = head.path;
      invariant(path !== null, 'a completed match maps at least one row');
      this.#matchNumber++;
      const view = new MatchContext(path, this.#rowAt, this.#matchNumber);
      emit({ view, firstRow: this.#rowAt(head.start) ?? [], lastTime: this.#times[path.idx - this.#base] ?? Number.NaN });
      const target = this.#skipTarget(head.start, path);
      this.#threads = this.#threads.filter((t) => t.start >= target);
    }
    this.#trim();
  }

  #skipTarget(start: number, path: PathNode): number {
    const skip = this.#c.spec.skip;
    let target: number | undefined;
    switch (skip.kind) {
      case 'past-last-row': return path.idx + 1;
      case 'to-next-row': return start + 1;
      case 'to-first': for (const n of pathToArray(path)) if (n.v === skip.variable) { target = n.idx; break; } break;
      case 'to-last': for (let p: PathNode | null = path; p !== null; p = p.prev) if (p.v === skip.variable) { target = p.idx; break; } break;
    }
    return target === undefined || target <= start ? start + 1 : target;
  }

  /** Drops rows no thread and no PREV can reach. */
  #trim(): void {
    let min = this.#base + this.#rows.length;
    for (const t of this.#threads) if (t.start < min) min = t.start;
    const drop = min - this.#c.maxPrev - this.#base;
    if (drop <= 0) return;
    this.#rows.splice(0, drop);
    this.#times.splice(0, drop);
    this.#base += drop;
  }
}

/**
 * Drops threads behind a completed match with the same start (they can never be preferred),
 * threads equal to a preferred one (same start, instruction and mapped rows: the same future),
 * and the overflow.
 */
function prune(threads: readonly Thread[]): Thread[] {
  const done = new Set<number>();
  const seen = new Set<string>();
  const out: Thread[] = [];
  for (const t of threads) {
    if (done.has(t.start)) continue;
    if (t.pc < 0) done.add(t.start);
    const id = `${t.start}:${t.pc}:${t.path?.id ?? 0}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(t);
    if (out.length >= MAX_THREADS) break;
  }
  return out;
}
