/**
 * Assembles the Plan once the walk is done: resource changes and drift sorted by address, output
 * changes against state, the summary counts, and whether there is anything to apply.
 */
import type { Diagnostic } from '../../shared/index.js';
import { hasErrors } from '../../shared/index.js';
import type { OutputDecl } from '../config/index.js';
import type { Value } from '../lang/index.js';
import { valuesEqual } from '../lang/index.js';
import type { ChangeAction, OutputChange, Plan, PlanMode, ResourceChange } from '../plan/index.js';
import type { StateSnapshot } from '../state/index.js';

export interface PlanParts {
  readonly mode: PlanMode;
  readonly targets: readonly string[];
  readonly state: StateSnapshot;
  readonly declaredOutputs: ReadonlyMap<string, OutputDecl>;
  readonly changes: readonly ResourceChange[];
  readonly drift: readonly ResourceChange[];
  readonly rootOutputs: ReadonlyMap<string, { value: Value; sensitive: boolean }>;
  readonly variables: { readonly [name: string]: { value: Value; sensitive: boolean } };
  readonly diagnostics: readonly Diagnostic[];
  readonly now: number;
}

const byAddress = (a: ResourceChange, b: ResourceChange): number => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0);

function outputChanges(p: PlanParts): OutputChange[] {
  const outputs: OutputChange[] = [];
  if (p.mode === 'refresh-only') return outputs;
  const prior = p.state.outputs;
  const names = new Set([...Object.keys(prior), ...(p.mode === 'destroy' ? [] : [...p.rootOutputs.keys()])]);
  for (const name of [...names].sort()) {
    const before = prior[name];
    const after = p.mode === 'destroy' ? undefined : p.rootOutputs.get(name);
    // A declared output that failed to evaluate has a diagnostic already: no change for it.
    if (!after && p.mode !== 'destroy' && p.declaredOutputs.has(name)) continue;
    const action = !before ? 'create' : !after ? 'delete' : valuesEqual(before.value, after.value) ? 'no-op' : 'update';
    outputs.push({ name, action, before: before?.value ?? null, after: after?.value ?? null, sensitive: (after?.sensitive ?? false) || (before?.sensitive ?? false) });
  }
  return outputs;
}

export function assemblePlan(p: PlanParts): Plan {
  const changes = [...p.changes].sort(byAddress);
  const outputs = outputChanges(p);
  const count = (...a: ChangeAction[]): number => changes.filter((c) => a.includes(c.action)).length;
  const summary = {
    add: count('create', 'replace'), change: count('update'), destroy: count('delete', 'replace'),
    import: changes.filter((c) => c.importing).length, move: changes.filter((c) => c.previousAddress).length, forget: count('forget'),
  };
  const diagnostics = [...p.diagnostics];
  // Drift alone is not work in normal mode (Terraform reports "No changes"); refresh-only applies it.
  const hasWork = changes.some((c) => c.action !== 'no-op' || c.importing || c.previousAddress) || outputs.some((o) => o.action !== 'no-op')
    || (p.mode === 'refresh-only' && p.drift.length > 0);
  return {
    mode: p.mode, lineage: p.state.lineage, serial: p.state.serial,
    changes, drift: [...p.drift].sort(byAddress), outputs, summary, diagnostics,
    applyable: !hasErrors(diagnostics) && hasWork, variables: p.variables, targets: p.targets, timestamp: new Date(p.now).toISOString(),
  };
}
