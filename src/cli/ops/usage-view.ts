/** The text of `streamform pool usage`: per pool current CFU / max and CFU-minutes, then its statements' CFU-minutes. */
import { bar, textTable } from './ops-format.js';
import type { UsagePool } from './types.js';

/** Renders the usage of every pool. */
export function renderUsage(pools: readonly UsagePool[]): string {
  if (pools.length === 0) return 'No compute pools.\n';
  return pools.map((p) => {
    const head = `Compute pool ${p.id} (${p.displayName}, ${p.environment})\n`
      + `  Current CFU: ${p.currentCfu} / ${p.maxCfu} ${bar(p.currentCfu, p.maxCfu, 20)}\n`
      + `  CFU-minutes: ${p.cfuMinutes.toFixed(3)}\n`;
    if (p.statements.length === 0) return head + '  No statement has run in this pool.\n';
    const table = textTable(['Statement', 'Runs', 'CFU-minutes'], p.statements.map((s) => [s.name, String(s.runs), s.cfuMinutes.toFixed(3)]), { right: new Set([1, 2]) });
    return head + '\n' + table.split('\n').map((l) => (l === '' ? l : `  ${l}`)).join('\n');
  }).join('\n');
}
