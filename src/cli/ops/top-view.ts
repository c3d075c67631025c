/**
 * The text of one `streamform top` frame: pools with CFU bars, then statements sorted by pending
 * records (the server's order), with phase (and scaling state), CFUs, pending records, in/out
 * rates, watermark lag, state size, restarts and parallelism (Autopilot: current/max). Pure: the command decides where and how often it is drawn.
 */
import { bar, bytes, compactCount, duration, textTable } from './ops-format.js';
import type { TopSnapshot } from './types.js';

const BAR_WIDTH = 20;
const RIGHT = new Set([2, 3, 4, 5, 6, 7, 8, 9]);
const SCALING: { readonly [state: string]: string } = { POOL_EXHAUSTED: 'pool exhausted', PENDING_SCALE_UP: 'scaling up', PENDING_SCALE_DOWN: 'scaling down' };

/** Renders one frame; `maxStatements` cuts the list to fit a terminal. */
export function renderTop(s: TopSnapshot, opts: { readonly maxStatements?: number } = {}): string {
  const out: string[] = [];
  out.push(`streamform top — ${s.at}   ${s.statements.length} statement(s), ${s.pools.length} compute pool(s)\n\n`);
  if (s.pools.length === 0) out.push('No compute pools.\n');
  else {
    out.push(textTable(['Compute Pool', 'Name', 'CFUs', 'Usage', 'CFU-min', 'Waiting'], s.pools.map((p) => [
      p.id, p.displayName, `${p.currentCfu}/${p.cfuLimit}`, bar(p.currentCfu, p.cfuLimit, BAR_WIDTH), p.cfuMinutes.toFixed(1), String(p.pendingStatements),
    ]), { right: new Set([2, 4, 5]) }));
  }
  out.push('\n');
  const shown = opts.maxStatements === undefined ? s.statements : s.statements.slice(0, Math.max(0, opts.maxStatements));
  if (s.statements.length === 0) out.push('No statements running.\n');
  else {
    out.push(textTable(['Statement', 'Phase', 'CFUs', 'Pending', 'In/s', 'Out/s', 'WM lag', 'State', 'Restarts', 'Parallelism'], shown.map((x) => [
      x.name, SCALING[x.scalingState] === undefined ? x.phase : `${x.phase} (${SCALING[x.scalingState]})`, String(x.cfus), compactCount(x.pendingRecords),
      compactCount(x.recordsInPerSecond), compactCount(x.recordsOutPerSecond), duration(x.watermarkLagMs), bytes(x.stateSizeBytes), String(x.restarts),
      x.parallelism === 0 ? '-' : `${x.parallelism}/${x.maxParallelism}`,
    ]), { right: RIGHT }));
    if (shown.length < s.statements.length) out.push(`… ${s.statements.length - shown.length} more\n`);
  }
  return out.join('');
}
