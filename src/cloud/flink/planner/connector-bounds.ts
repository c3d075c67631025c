/**
 * Whether a table without a topic ends by itself. Generated sources ignore `scan.bounded.mode`
 * (there are no offsets): a `'connector' = 'nexmark'` table ends after `events.num` (> 0) or
 * `stop-at` (≥ 0) events unless `keep-alive` holds it open (runtime/sources/nexmark-source.ts);
 * the examples' `faker` tables never end. Read from the options text here because the planner
 * must not depend on the runtime's option parser; an invalid value fails the job at build time.
 */
import type { CatalogTable } from '../catalog/index.js';

/** `true` / `false` for a generated table's own bound; undefined for topic-backed tables. */
export function connectorBounded(table: CatalogTable): boolean | undefined {
  const o = table.options;
  switch (o['connector']) {
    case 'nexmark': {
      const events = intOption(o['events.num']) ?? 0;
      const stopAt = intOption(o['stop-at']) ?? -1;
      const keepAlive = (o['keep-alive'] ?? '').trim().toLowerCase() === 'true';
      return !keepAlive && (events > 0 || stopAt >= 0);
    }
    case 'faker': return table.readOnly ? false : undefined;
    default: return undefined;
  }
}

function intOption(text: string | undefined): number | undefined {
  const t = text?.trim();
  return t !== undefined && /^-?\d+$/.test(t) ? Number(t) : undefined;
}
