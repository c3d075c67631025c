/**
 * Logical relations → physical nodes with changelog modes. Calcs over calcs fuse into one closure
 * pair; scans of the same table with the same modes are shared (a statement set reads each
 * source once). Node ids are assigned in plan order, so the same statement always gets the same
 * ids and its checkpoints stay readable across restarts.
 */
import type { Diagnostic } from '../../../shared/index.js';
import type { BoundField, LogicalRel } from '../binder/index.js';
import { notSupportedYet } from '../binder/index.js';
import type { ChangelogKinds, PhysicalNode, RowFn, RowPredicateFn } from './types.js';
import { compileExpr, compilePredicate, compileProjection, printBound } from './compile-expr.js';
import { isInsertOnly, sourceKinds, unionKinds } from './changelog-mode.js';
import { scanModes } from './scan-options.js';

/** Mutable state of one planning run. */
export class PlanContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly properties: Readonly<Record<string, string>>;
  readonly file: string;
  readonly #scans = new Map<string, PhysicalNode>();
  #next = 0;

  constructor(properties: Readonly<Record<string, string>>, file: string) {
    this.properties = properties;
    this.file = file;
  }

  /** The next node id (`<kind>-<n>`). */
  id(kind: string): string {
    this.#next++;
    return `${kind}-${this.#next}`;
  }

  /** A scan shared by key, created once. */
  sharedScan(key: string, make: () => PhysicalNode): PhysicalNode {
    const hit = this.#scans.get(key);
    if (hit !== undefined) return hit;
    const n = make();
    this.#scans.set(key, n);
    return n;
  }
}

/** Plans one logical relation. */
export function planRel(rel: LogicalRel, cx: PlanContext): PhysicalNode {
  switch (rel.kind) {
    case 'scan': {
      const t = rel.table;
      const modes = scanModes(t.options, rel.hintOptions, cx.properties, cx.diagnostics);
      const key = JSON.stringify([t.catalog.id, t.database.id, t.name, modes, rel.columns.map((c) => c.name)]);
      return cx.sharedScan(key, () => ({
        kind: 'scan', id: cx.id('scan'), table: t, columns: rel.columns, ...modes, changelog: sourceKinds(t.changelogMode), fields: rel.fields,
      }));
    }
    case 'values': {
      const rows = rel.rows.map((r) => r.map((e) => compileExpr(e)([])));
      return { kind: 'values', id: cx.id('values'), rows, changelog: ['I'], fields: rel.fields };
    }
    case 'calc': {
      const input = planRel(rel.input, cx);
      const project = compileProjection(rel.project);
      const filter = rel.filter === undefined ? undefined : compilePredicate(rel.filter);
      const projection = rel.project.map((e, i) => `${printBound(e, input.fields)} AS ${rel.fields[i]?.name ?? `$${i}`}`);
      const where = rel.filter === undefined ? undefined : printBound(rel.filter, input.fields);
      if (input.kind === 'calc' && input.project !== undefined && (input.filter === undefined || filter === undefined)) {
        // Fuse two calcs into one: at most one of them filters, so the fused node filters first
        // (on the input row, or on the inner projection) and then projects outer(inner(row)).
        const inner = input.project;
        const fused: RowFn = (row) => project(inner(row));
        const innerFilter = input.filter;
        const fusedFilter: RowPredicateFn | undefined = filter === undefined ? innerFilter : (row) => filter(inner(row));
        const fusedWhere = where ?? input.where;
        return calcNode(cx, input.input, fused, fusedFilter, projection, fusedWhere, rel.fields, input.changelog);
      }
      return calcNode(cx, input, project, filter, projection, where, rel.fields, input.changelog);
    }
    case 'union': {
      const inputs = rel.inputs.map((r) => planRel(r, cx));
      return { kind: 'union', id: cx.id('union'), inputs, changelog: unionKinds(inputs.map((i) => i.changelog)), fields: rel.fields };
    }
    case 'limit': {
      const input = planRel(rel.input, cx);
      if (!isInsertOnly(input.changelog)) {
        cx.diagnostics.push(notSupportedYet(rel.range, 'LIMIT over an updating input', cx.file));
      }
      return { kind: 'limit', id: cx.id('limit'), input, limit: rel.limit, offset: rel.offset, changelog: input.changelog, fields: rel.fields };
    }
  }
}

function calcNode(cx: PlanContext, input: PhysicalNode, project: RowFn, filter: RowPredicateFn | undefined, projection: readonly string[], where: string | undefined, fields: readonly BoundField[], changelog: ChangelogKinds): PhysicalNode {
  return {
    kind: 'calc', id: cx.id('calc'), input, project, ...(filter === undefined ? {} : { filter }), projection,
    ...(where === undefined ? {} : { where }), changelog, fields,
  };
}

/** True when every leaf of the plan ends by itself, or a LIMIT ends it. */
export function isBounded(n: PhysicalNode): boolean {
  switch (n.kind) {
    case 'scan': return n.bounded.kind !== 'unbounded';
    case 'values': return true;
    case 'calc': return isBounded(n.input);
    case 'union': return n.inputs.every(isBounded);
    case 'limit': return true;
  }
}
