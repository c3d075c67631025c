/**
 * Text changelog scripts for two-input operator tests: like stateful/changelog-script.ts, with the
 * input named on each change line.
 *
 *   L +I[1, 'shoe'] @1000      a change on input 0 (L) or 1 (R); consecutive lines of one input form
 *                              a batch, ended by an expected-output line, another input's line or `---`
 *   WM 1999                    a watermark on every input;  `WM L 1999` on one input
 *   BARRIER / END              a checkpoint barrier / end of every input
 *   > +I[1, 'shoe', 7]         expected output of the step above
 *
 * With `recover`, after every step the node's snapshot goes through JSON text into a fresh operator
 * and the inputs' last watermarks are re-sent (as sources do after a restore); output must not change.
 * Single-input operators use `L` lines only.
 */
import assert from 'node:assert/strict';
import { invariant } from '../../../../shared/index.js';
import { OperatorHarness } from '../operator-harness.js';
import type { Operator } from '../operator.js';
import type { NodeSnapshot } from '../operator-node.js';

type Step =
  | { readonly kind: 'batch'; readonly input: number; readonly lines: readonly string[] }
  | { readonly kind: 'wm'; readonly input: number | null; readonly time: number }
  | { readonly kind: 'barrier' }
  | { readonly kind: 'end' };

/** Options of a script run. */
export interface JoinScriptOptions {
  /** Number of inputs (default 2). */
  readonly inputs?: number;
  /** Print output rowtimes (`@t`). */
  readonly rowtimes?: boolean;
  /** Snapshot → JSON → restore into a fresh operator after every step. */
  readonly recover?: boolean;
}

function parseSteps(script: string): Step[] {
  const steps: Step[] = [];
  let batch: string[] = [];
  let input = -1;
  const flush = (): void => { if (batch.length > 0) steps.push({ kind: 'batch', input, lines: batch }); batch = []; };
  for (const raw of script.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line === '---' || line.startsWith('>')) { flush(); continue; }
    const wm = /^WM\s+(?:([LR])\s+)?(-?\d+)$/.exec(line);
    if (wm !== null) { flush(); steps.push({ kind: 'wm', input: wm[1] === undefined ? null : wm[1] === 'L' ? 0 : 1, time: Number(wm[2]) }); continue; }
    if (line === 'BARRIER') { flush(); steps.push({ kind: 'barrier' }); continue; }
    if (line === 'END') { flush(); steps.push({ kind: 'end' }); continue; }
    const m = /^([LR])\s+([+-][IUD]\[.*)$/.exec(line);
    invariant(m !== null, `bad script line: ${line}`);
    const side = m[1] === 'L' ? 0 : 1;
    if (side !== input) flush();
    input = side;
    batch.push(m[2] ?? '');
  }
  flush();
  return steps;
}

/** Normalises a script for comparison: trimmed lines without blanks, comments and `---`. */
export function normalizeJoinScript(script: string): string {
  const out: string[] = [];
  for (const raw of script.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line === '---') continue;
    out.push(line.startsWith('>') ? `> ${line.slice(1).trim()}` : line.replace(/\s+/, ' '));
  }
  return out.join('\n');
}

/** Runs a script's input and renders it with the actual outputs. */
export function runJoinScript(make: () => Operator, script: string, opts: JoinScriptOptions = {}): string {
  const inputs = opts.inputs ?? 2;
  const harnessOpts = { inputs, rowtimes: opts.rowtimes === true };
  let h = new OperatorHarness(make(), harnessOpts);
  const lastWm: (number | undefined)[] = new Array<number | undefined>(inputs).fill(undefined);
  const out: string[] = [];
  for (const step of parseSteps(script)) {
    switch (step.kind) {
      case 'batch': {
        const name = step.input === 0 ? 'L' : 'R';
        out.push(...step.lines.map((l) => `${name} ${l}`));
        h.changes(step.lines.join('\n'), step.input);
        break;
      }
      case 'wm':
        out.push(step.input === null ? `WM ${step.time}` : `WM ${step.input === 0 ? 'L' : 'R'} ${step.time}`);
        for (let i = 0; i < inputs; i++) {
          if (step.input !== null && step.input !== i) continue;
          lastWm[i] = step.time;
          h.watermark(step.time, i);
        }
        break;
      case 'barrier': out.push('BARRIER'); h.barrier(); break;
      case 'end': out.push('END'); for (let i = 0; i < inputs; i++) h.end(i); break;
    }
    for (const line of h.take()) if (/^[+-][IUD]\[/.test(line)) out.push(`> ${line}`);
    if (opts.recover === true && step.kind !== 'end') {
      const snap = JSON.parse(JSON.stringify(h.snapshot())) as NodeSnapshot;
      h = new OperatorHarness(make(), harnessOpts);
      h.restore(snap);
      lastWm.forEach((t, i) => { if (t !== undefined) h.watermark(t, i); });
      const replayed = h.take().filter((l) => /^[+-][IUD]\[/.test(l));
      assert.deepEqual(replayed, [], 're-sending the last watermarks after a restore emits nothing');
    }
  }
  return out.join('\n');
}

/** Asserts a script's expected outputs, straight and with a restore at every step boundary. */
export function assertJoinScript(make: () => Operator, script: string, opts: Omit<JoinScriptOptions, 'recover'> = {}): void {
  const straight = runJoinScript(make, script, opts);
  assert.equal(straight, normalizeJoinScript(script));
  assert.equal(runJoinScript(make, script, { ...opts, recover: true }), straight, 'output after restore at every step equals the uninterrupted run');
}
