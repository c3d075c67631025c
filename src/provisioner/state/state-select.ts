/**
 * Address selectors of `state mv` / `state rm`: an instance address matches itself, a resource
 * address matches all its instances (`a.b` matches `a.b[0]`), a module path matches everything
 * inside it (`module.m` matches `module.m.a.b` and `module.m[0].a.b`).
 */
import type Database from 'better-sqlite3';
import { errorDiag } from '../../shared/index.js';
import { parseInstanceAddress, parseModulePath } from './state-address.js';
import type { ResourceRow } from './state-codec.js';
import { StateOperationError } from './state-errors.js';

/** Objects (current and deposed) matched by `selector`; throws for a malformed selector. */
export function selectObjects(db: Database.Database, selector: string): ResourceRow[] {
  if (parseInstanceAddress(selector) === undefined && parseModulePath(selector) === undefined) {
    throw new StateOperationError(errorDiag('state-invalid-address', `Invalid address: ${selector}`, {
      detail: 'Expected a resource instance address (aws_x.y[0]), a resource address (aws_x.y) or a module path (module.m).',
    }));
  }
  return db.prepare('SELECT * FROM resources WHERE address = ? OR substr(address, 1, ?) IN (?, ?) ORDER BY address, deposed')
    .all(selector, selector.length + 1, `${selector}.`, `${selector}[`) as ResourceRow[];
}
