/**
 * `streamform apply` / `destroy` / `refresh`: plan (or load a saved plan), confirm, apply with
 * progress, write state after every operation, record history, print outputs.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '../shared/index.js';
import { errorDiag, hasErrors, systemClock, warningDiag } from '../shared/index.js';
import type { EnginePlan, ProviderResolver, StateWriter } from '../provisioner/engine/index.js';
import { applyPlan } from '../provisioner/engine/index.js';
import type { PlanMode } from '../provisioner/plan/index.js';
import { decodePlanData } from '../provisioner/plan/index.js';
import { defaultLockWho, StateError, type StateStore } from '../provisioner/state/index.js';
import {
  ApplyProgressReporter, renderApplyCancelled, renderApplyPrompt, renderApplySummary, renderApplySummaryJSON, renderOutputs,
  renderOutputsJSONLine, renderPlanJSONLines, renderPlanText,
} from '../views/index.js';
import { EXIT_ERROR, EXIT_OK } from './exit-codes.js';
import { interruptController } from './interrupt.js';
import { hasChanges, type PlanFileData } from './plan-command.js';
import { computePlan, prepare, release, type CommonOptions, type Prepared } from './run-plan.js';
import type { Io } from './terminal.js';
import { STREAMFORM_VERSION } from './version.js';
import { engineEnv, printDiagnostics, providerResolver } from './workspace.js';

export interface ApplyFlags extends CommonOptions {
  readonly mode: PlanMode;
  readonly refresh: boolean;
  readonly targets: readonly string[];
  readonly replace: readonly string[];
  readonly autoApprove: boolean;
  readonly planFile?: string;
}

function writerFor(store: StateStore): StateWriter {
  return {
    putResource: (r) => store.putResource(r),
    removeResource: (a, deposed) => { store.removeResource(a, deposed); },
    setOutputs: (o) => store.setOutputs(o),
  };
}

function loadPlanFile(dir: string, file: string, p: Prepared): { data?: PlanFileData; diagnostics: Diagnostic[] } {
  let text: string;
  try { text = readFileSync(resolve(dir, file), 'utf8'); } catch {
    return { diagnostics: [errorDiag('plan-file-missing', 'Failed to read the plan file', { detail: `No plan file at ${file}. Create one with streamform plan -out=${file}.` })] };
  }
  const data = decodePlanData(text) as PlanFileData | undefined;
  if (!data) return { diagnostics: [errorDiag('plan-file-invalid', 'Invalid plan file', { detail: `${file} is not a streamform plan file.` })] };
  if (data.configHash !== p.config.hash) return { diagnostics: [errorDiag('plan-file-stale', 'Saved plan does not match the configuration', { detail: `The configuration changed since ${file} was created. Run streamform plan again.` })] };
  const ps = data.plan.plan;
  if ((ps.lineage !== '' && ps.lineage !== p.snapshot.lineage) || ps.serial !== p.snapshot.serial) {
    return { diagnostics: [errorDiag('plan-file-stale', 'Saved plan is stale', { detail: `The state was changed by another operation after ${file} was created (plan made at serial ${ps.serial}, state is now at serial ${p.snapshot.serial}). Run streamform plan again to make a new plan.` })] };
  }
  return { data, diagnostics: [] };
}

export async function runApply(io: Io, dir: string, flags: ApplyFlags, resolverFor: (dir: string) => Promise<ProviderResolver> = async () => providerResolver()): Promise<number> {
  const opName = flags.mode === 'destroy' ? 'OperationTypeApply (destroy)' : 'OperationTypeApply';
  const prep = await prepare(io, dir, flags, opName, true);
  if ('failed' in prep) {
    printDiagnostics(io, prep.failed, { color: flags.color, sources: prep.config?.sources });
    return EXIT_ERROR;
  }
  const intr = interruptController(io);
  const sources = (f: string): string | undefined => prep.config.sources.get(f);
  const store = prep.store!;
  try {
    const resolver = await resolverFor(dir);
    let ep: EnginePlan;
    let fromFile = false;
    if (flags.planFile) {
      if (flags.varArgs.length) {
        printDiagnostics(io, [errorDiag('apply-plan-file-vars', "Can't set variables when applying a saved plan", { detail: `The -var and -var-file options cannot be used when applying a saved plan file, because a saved plan includes the variable values that were set when it was created. Make a new plan with those values instead.` })], { color: flags.color });
        return EXIT_ERROR;
      }
      const lf = loadPlanFile(dir, flags.planFile, prep);
      if (!lf.data) { printDiagnostics(io, lf.diagnostics, { color: flags.color }); return EXIT_ERROR; }
      ep = lf.data.plan;
      fromFile = true;
    } else {
      let refreshed = false;
      ep = await computePlan(prep, resolver, flags.json ? {} : new ApplyProgressReporter({ color: flags.color, json: false, clock: systemClock, emit: (t) => { refreshed = true; io.out(t.endsWith('\n') ? t : t + '\n'); } }).hooks, intr.signal, dir, { mode: flags.mode, refresh: flags.refresh, targets: flags.targets, replace: flags.replace, parallelism: flags.parallelism });
      const plan = { ...ep.plan, diagnostics: [...prep.diagnostics, ...ep.plan.diagnostics] };
      if (flags.json) for (const line of renderPlanJSONLines(plan, { clock: systemClock, version: STREAMFORM_VERSION, sources })) io.out(line + '\n');
      else (hasErrors(plan.diagnostics) ? io.err : io.out)((refreshed ? '\n' : '') + renderPlanText(plan, { color: flags.color, sources }));
      if (hasErrors(plan.diagnostics)) return EXIT_ERROR;
      if (!hasChanges(ep)) {
        if (!flags.json) io.out('\n' + renderApplySummary({ add: 0, change: 0, destroy: 0 }, { color: flags.color, mode: flags.mode === 'destroy' ? 'destroy' : 'apply' }) + '\n');
        printOutputs(io, prep, flags);
        return EXIT_OK;
      }
      if (!flags.autoApprove) {
        const kind = flags.mode === 'destroy' ? 'destroy' : flags.mode === 'refresh-only' ? 'refresh-only' : 'apply';
        if (!io.stdinTTY || !flags.input) {
          printDiagnostics(io, [errorDiag('apply-needs-approval', 'No confirmation', { detail: `Apply needs approval, but input is not a terminal. Review the plan and run again with -auto-approve, or save it with plan -out=FILE and apply that file.` })], { color: flags.color });
          return EXIT_ERROR;
        }
        const answer = await io.prompt('\n' + renderApplyPrompt(kind, { color: flags.color }));
        if (answer.trim() !== 'yes') { io.out('\n' + renderApplyCancelled(kind) + '\n'); return EXIT_ERROR; }
        io.out('\n');
      }
    }
    const reporter = new ApplyProgressReporter({ color: flags.color, json: flags.json, clock: systemClock, emit: (t) => io.out(t.endsWith('\n') ? t : t + '\n') });
    const env = engineEnv(prep.config, prep.snapshot, resolver, reporter.hooks, intr.signal, dir);
    const before = store.head().serial;
    const result = await applyPlan(env, ep, writerFor(store), { parallelism: flags.parallelism, variables: fromFile ? prep.variables : prep.variables });
    const after = store.head().serial;
    store.appendHistory({ user: defaultLockWho(), operation: flags.mode === 'destroy' ? 'destroy' : flags.mode === 'refresh-only' ? 'refresh' : 'apply', summary: { add: result.counts.add, change: result.counts.change, destroy: result.counts.destroy, import: result.counts.import }, serialBefore: before, serialAfter: after });
    if (hasErrors(result.diagnostics)) {
      printDiagnostics(io, result.diagnostics, { color: flags.color, sources: prep.config.sources });
      if (intr.signal.aborted) io.err('Apply was interrupted: every finished operation is recorded in state; run apply again to continue.\n');
      return EXIT_ERROR;
    }
    if (intr.signal.aborted) { io.err('\nApply interrupted: finished operations are recorded in state. Run apply again to continue.\n'); return EXIT_ERROR; }
    const summary = { add: result.counts.add, change: result.counts.change, destroy: result.counts.destroy, import: result.counts.import };
    const mode = flags.mode === 'destroy' ? 'destroy' as const : 'apply' as const;
    if (ep.plan.targets.length && !flags.json) printDiagnostics(io, [appliedIncompleteWarning()], { color: flags.color });
    if (flags.json) io.out(renderApplySummaryJSON(summary, { clock: systemClock, mode }) + '\n');
    else io.out('\n' + renderApplySummary(summary, { color: flags.color, mode }) + '\n');
    if (flags.mode !== 'destroy') printOutputs(io, { ...prep, store }, flags);
    return EXIT_OK;
  } catch (e) {
    if (e instanceof StateError) { printDiagnostics(io, [e.diagnostic], { color: flags.color }); return EXIT_ERROR; }
    throw e;
  } finally {
    intr.dispose();
    release(prep, io);
  }
}

/** Terraform's warning after an apply of a plan made with -target. */
function appliedIncompleteWarning(): Diagnostic {
  return warningDiag('apply-targeting', 'Applied changes may be incomplete', {
    detail: 'The plan was created with the -target option in effect, so some changes requested in the configuration may have been ignored and the output values may not be fully updated. Run the following command to verify that no other changes are pending:\n    streamform plan\n\nNote that the -target option is not suitable for routine use, and is provided only for exceptional situations such as recovering from errors or mistakes, or when streamform specifically suggests to use it as part of an error message.',
  });
}

function printOutputs(io: Io, p: Prepared, flags: ApplyFlags): void {
  const outs = p.store ? p.store.snapshot().outputs : p.snapshot.outputs;
  const list = Object.entries(outs).map(([name, o]) => ({ name, value: o.value, sensitive: o.sensitive }));
  if (!list.length) return;
  if (flags.json) io.out(renderOutputsJSONLine(list, { clock: systemClock }) + '\n');
  else io.out('\n' + renderOutputs(list));
}

/** For tests: env without the CLI. */
export { engineEnv };
