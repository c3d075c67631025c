/**
 * Planning a `state mv`: which objects move where, checked before anything is written. The
 * matched suffix is kept (`a.b` → `a.c` moves `a.b[0]` to `a.c[0]`; `module.x` → `module.y`
 * moves everything inside). Refuses a missing source, an invalid or occupied target and a change
 * of resource type or mode.
 */
import type Database from 'better-sqlite3';
import { errorDiag } from '../../shared/index.js';
import { parseInstanceAddress } from './state-address.js';
import type { InstanceAddressParts } from './state-address.js';
import type { ResourceRow } from './state-codec.js';
import { StateOperationError } from './state-errors.js';
import { selectObjects } from './state-select.js';

/** One object to move: its row and its new address with parts. */
export interface PlannedMove {
  readonly row: ResourceRow;
  readonly target: string;
  readonly parts: InstanceAddressParts;
}

/** The moves for `state mv from to`; throws StateOperationError when the move is not possible. */
export function planMoves(db: Database.Database, from: string, to: string): PlannedMove[] {
  const rows = selectObjects(db, from);
  if (rows.length === 0) {
    throw new StateOperationError(errorDiag('state-resource-not-found', `No such resource instance in state: ${from}`, {
      detail: `Cannot move ${from}: no matching objects in state.`, address: from,
    }));
  }
  const moves = rows.map((row): PlannedMove => {
    const target = to + row.address.slice(from.length);
    const parts = parseInstanceAddress(target);
    if (parts === undefined) {
      throw new StateOperationError(errorDiag('state-move-invalid-address', `Invalid target address: ${target}`, { address: target }));
    }
    if (parts.type !== row.type || parts.mode !== row.mode) {
      throw new StateOperationError(errorDiag('state-move-type-mismatch', `Cannot move ${row.address} to ${target}: resource types differ`, { address: row.address }));
    }
    return { row, target, parts };
  });
  const sources = new Set(rows.map((r) => `${r.address}\u0000${r.deposed}`));
  const exists = db.prepare('SELECT 1 FROM resources WHERE address = ? AND deposed = ?');
  for (const m of moves) {
    if (!sources.has(`${m.target}\u0000${m.row.deposed}`) && exists.get(m.target, m.row.deposed) !== undefined) {
      throw new StateOperationError(errorDiag('state-move-target-exists', `Cannot move ${m.row.address}: ${m.target} already exists in state`, { address: m.target }));
    }
  }
  return moves;
}
