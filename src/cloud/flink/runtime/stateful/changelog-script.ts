/**
 * Text changelog scripts for stateful operator tests (RisingWave-style): input steps with the output
 * each step produced written right under it as `> ` lines.
 *
 *   +I['shoe', 1] @1000        change lines; consecutive ones form one batch
 *   ---                        ends a batch (so the next changes form another)
 *   WM 1999                    a watermark
 *   BARRIER                    a checkpoint barrier
 *   END                        end of input
 *   > +I['shoe', 1, 0, 2000]   expected output of the step above
 *
 * `runChangelogScript` runs the input through a real OperatorNode (the runtime's OperatorHarness)
 * and renders the same script with the actual outputs, so a test compares two texts. With
 * `recover`, after every step the node's snapshot goes through JSON text and into a fresh operator:
 * the output must equal the uninterrupted run's.
 */
import assert from 'node:assert/strict';
import { invariant } from '../../../../shared/index.js';
import { OperatorHarness } from '../operator-harness.js';
import type { Operator } from '../operator.js';
import type { NodeSnapshot } from '../operator-node.js';

type Step =
  | { readonly kind: 'batch'; readonly lines: readonly string[] }
  | { readonly kind: 'wm'; readonly time: number }
  | { readonly kind: 'barrier' }
  | { readonly kind: 'end' };

/** Options of a script run. */
export interface ScriptOptions {
  /** Print output rowtimes (`@t`). */
  readonly rowtimes?: boolean;
  /** Snapshot → JSON → restore into a fresh operator after every step. */
  readonly recover?: boolean;
}

/** Parses a script, dropping expected-output lines, blank lines and comments. */
function parseSteps(script: string): Step[] {
  const steps: Step[] = [];
  let batch: string[] = [];
  const flush = (): void => { if (batch.length > 0) steps.push({ kind: 'batch', lines: batch }); batch = []; };
  for (const raw of script.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('>')) continue;
    if (line === '---') { flush(); continue; }
    const wm = /^WM\s+(-?\d+)$/.exec(line);
    if (wm !== null) { flush(); steps.push({ kind: 'wm', time: Number(wm[1]) }); continue; }
    if (line === 'BARRIER') { flush(); steps.push({ kind: 'barrier' }); continue; }
    if (line === 'END') { flush(); steps.push({ kind: 'end' }); continue; }
    invariant(/^[+-][IUD]\[/.test(line), `bad script line: ${line}`);
    batch.push(line);
  }
  flush();
  return steps;
}

/** Normalises a script for comparison: trimmed lines, no blanks or comments, `---` only between batches. */
export function normalizeScript(script: string): string {
  const out: string[] = [];
  for (const raw of script.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    out.push(line.startsWith('>') ? `> ${line.slice(1).trim()}` : line);
  }
  return out.join('\n');
}

/** Runs a script's input and renders it with the actual outputs (see the file header). */
export function runChangelogScript(make: () => Operator, script: string, opts: ScriptOptions = {}): string {
  const harnessOpts = { rowtimes: opts.rowtimes === true };
  let h = new OperatorHarness(make(), harnessOpts);
  const out: string[] = [];
  let prevWasBatch = false;
  for (const step of parseSteps(script)) {
    switch (step.kind) {
      case 'batch':
        if (prevWasBatch) out.push('---');
        out.push(...step.lines);
        h.changes(step.lines.join('\n'));
        break;
      case 'wm': out.push(`WM ${step.time}`); h.watermark(step.time); break;
      case 'barrier': out.push('BARRIER'); h.barrier(); break;
      case 'end': out.push('END'); h.end(); break;
    }
    prevWasBatch = step.kind === 'batch';
    for (const line of h.take()) if (/^[+-][IUD]\[/.test(line)) out.push(`> ${line}`);
    if (opts.recover === true) {
      const snap = JSON.parse(JSON.stringify(h.snapshot())) as NodeSnapshot;
      h = new OperatorHarness(make(), harnessOpts);
      h.restore(snap);
    }
  }
  return out.join('\n');
}

/**
 * Asserts a script's expected outputs, straight and with snapshot → restore into a fresh operator
 * at every step boundary (recovery must not change the output).
 */
export function assertChangelogScript(make: () => Operator, script: string, opts: Omit<ScriptOptions, 'recover'> = {}): void {
  const straight = runChangelogScript(make, script, opts);
  assert.equal(straight, normalizeScript(script));
  assert.equal(runChangelogScript(make, script, { ...opts, recover: true }), straight, 'output after restore at every step equals the uninterrupted run');
}
