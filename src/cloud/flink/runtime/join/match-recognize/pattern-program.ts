/**
 * Compiles a row pattern into a small program for a backtracking-order NFA (a Pike-style VM that
 * keeps every thread): `var` consumes one row classified as that variable, `split` forks with the
 * first branch preferred, `jmp` jumps, `match` accepts. Greedy quantifiers prefer another
 * iteration, reluctant ones prefer leaving; `{n,m}` is unrolled.
 */
import { invariant } from '../../../../../shared/index.js';
import { assertNever } from '../../../../../shared/index.js';
import type { PatternNode } from './types.js';

/** One instruction. */
export type Instr =
  | { readonly op: 'var'; readonly name: string }
  | { readonly op: 'split'; readonly first: number; readonly second: number }
  | { readonly op: 'jmp'; readonly to: number }
  | { readonly op: 'match' };

/** Largest bounded repetition unrolled. */
export const MAX_UNROLL = 1000;

/** A compiled pattern. */
export interface PatternProgram {
  readonly instrs: readonly Instr[];
  /** The pattern's variables, in order of first appearance. */
  readonly variables: readonly string[];
}

/** Compiles a pattern. */
export function compilePattern(pattern: PatternNode): PatternProgram {
  const out: Instr[] = [];
  const vars: string[] = [];
  const emit = (i: Instr): number => { out.push(i); return out.length - 1; };
  const patch = (at: number, i: Instr): void => { out[at] = i; };
  const gen = (n: PatternNode): void => {
    switch (n.kind) {
      case 'var':
        if (!vars.includes(n.name)) vars.push(n.name);
        emit({ op: 'var', name: n.name });
        return;
      case 'concat': for (const item of n.items) gen(item); return;
      case 'alt': {
        invariant(n.options.length > 0, 'empty pattern alternation');
        const jumps: number[] = [];
        n.options.forEach((o, i) => {
          if (i === n.options.length - 1) { gen(o); return; }
          const split = emit({ op: 'match' });
          gen(o);
          jumps.push(emit({ op: 'match' }));
          patch(split, { op: 'split', first: split + 1, second: out.length });
        });
        for (const j of jumps) patch(j, { op: 'jmp', to: out.length });
        return;
      }
      case 'quantified': {
        invariant(n.min >= 0 && (n.max === null || n.max >= n.min), 'bad pattern quantifier bounds');
        invariant((n.max ?? n.min) <= MAX_UNROLL, `pattern quantifier bound above ${MAX_UNROLL}`);
        for (let i = 0; i < n.min; i++) gen(n.node);
        if (n.max === null) {
          const loop = emit({ op: 'match' });
          gen(n.node);
          emit({ op: 'jmp', to: loop });
          patch(loop, fork(loop + 1, out.length, n.reluctant));
          return;
        }
        const exits: number[] = [];
        for (let i = n.min; i < n.max; i++) {
          exits.push(emit({ op: 'match' }));
          gen(n.node);
        }
        for (const at of exits) patch(at, fork(at + 1, out.length, n.reluctant));
        return;
      }
      default: assertNever(n, 'pattern node');
    }
  };
  gen(pattern);
  emit({ op: 'match' });
  return { instrs: out, variables: vars };
}

function fork(body: number, exit: number, reluctant: boolean): Instr {
  return reluctant ? { op: 'split', first: exit, second: body } : { op: 'split', first: body, second: exit };
}

/**
 * The instructions reachable from `pc` without consuming a row, in preference order: `var` and
 * `match` pcs. Empty loops are cut (a pc is visited once).
 */
export function closure(program: PatternProgram, pc: number): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  const visit = (p: number): void => {
    if (seen.has(p)) return;
    seen.add(p);
    const i = program.instrs[p];
    invariant(i !== undefined, 'pattern program counter out of range');
    switch (i.op) {
      case 'var': case 'match': out.push(p); return;
      case 'jmp': visit(i.to); return;
      case 'split': visit(i.first); visit(i.second); return;
      default: assertNever(i, 'pattern instruction');
    }
  };
  visit(pc);
  return out;
}
