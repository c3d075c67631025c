/**
 * engine: plan and apply. Walks the configuration graph with providers behind the Provider
 * interface and state behind StateWriter; reports through hooks; never prints. Knows nothing of
 * any particular provider, of Kafka or of Flink.
 */
import type { Diagnostic } from '../../shared/index.js';
import { hasErrors } from '../../shared/index.js';
import { ApplyWalk, type ApplyResult } from './apply-walk.js';
import { PlanWalk, type EnginePlan } from './plan-walk.js';
import type { EngineEnv, PlanOptions, StateWriter, VariableInput } from './types.js';

export type * from './types.js';
export type { EnginePlan, InstanceExtra } from './plan-walk.js';
export type { ApplyResult } from './apply-walk.js';
export { validateConfig } from './validate.js';
export { buildGraph } from './build-graph.js';
export { nodeLabel } from './module-tree.js';

/** Computes a plan. Diagnostics are in `plan.diagnostics`. */
export async function makePlan(env: EngineEnv, opts: PlanOptions): Promise<EnginePlan> {
  const w = new PlanWalk(env, opts);
  try {
    await w.walk();
    return w.result();
  } finally {
    await w.close();
  }
}

/** Applies a plan, writing state after every operation. */
export async function applyPlan(env: EngineEnv, plan: EnginePlan, writer: StateWriter, opts: { parallelism: number; variables: ReadonlyMap<string, VariableInput> }): Promise<ApplyResult> {
  const w = new ApplyWalk(env, plan, writer, opts);
  try {
    return await w.run();
  } finally {
    await w.close();
  }
}

/** True when any diagnostic is an error. */
export function failed(diags: readonly Diagnostic[]): boolean { return hasErrors(diags); }
export { generateImportConfig, missingImportTargets } from './generate-config.js';
