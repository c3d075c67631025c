/** `streamform plan`: compute and show a plan; optionally save it (-out) or render it as JSON/Markdown. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hasErrors, systemClock } from '../shared/index.js';
import type { EnginePlan } from '../provisioner/engine/index.js';
import type { PlanMode } from '../provisioner/plan/index.js';
import { encodePlanData } from '../provisioner/plan/index.js';
import { renderDiagnostics, renderPlanFooter, renderPlanJSONLines, renderPlanMarkdown, renderPlanText } from '../views/index.js';
import { EXIT_CHANGES, EXIT_ERROR, EXIT_OK } from './exit-codes.js';
import { interruptController } from './interrupt.js';
import { computePlan, prepare, release, type CommonOptions } from './run-plan.js';
import type { Io } from './terminal.js';
import { STREAMFORM_VERSION } from './version.js';
import { printDiagnostics, providerResolver } from './workspace.js';
import type { ProviderResolver } from '../provisioner/engine/index.js';

export interface PlanFlags extends CommonOptions {
  readonly mode: PlanMode;
  readonly refresh: boolean;
  readonly targets: readonly string[];
  readonly replace: readonly string[];
  readonly out?: string;
  readonly detailedExitcode: boolean;
  readonly format: 'text' | 'markdown';
}

/** What a plan file holds besides the plan: binds it to the configuration it was made from. */
export interface PlanFileData {
  readonly configHash: string;
  readonly plan: EnginePlan;
  readonly varArgs: CommonOptions['varArgs'];
  readonly targets: readonly string[];
  readonly parallelism: number;
}

export function hasChanges(p: EnginePlan): boolean {
  return p.plan.applyable;
}

export async function runPlan(io: Io, dir: string, flags: PlanFlags, resolverFor: (dir: string) => Promise<ProviderResolver> = async () => providerResolver()): Promise<number> {
  const prep = await prepare(io, dir, flags, 'OperationTypePlan', false);
  if ('failed' in prep) {
    if (flags.json) io.out(JSON.stringify({ '@level': 'error', '@message': 'plan failed', diagnostics: prep.failed.map((d) => d.summary) }) + '\n');
    printDiagnostics(io, prep.failed, { color: flags.color, sources: prep.config?.sources });
    return EXIT_ERROR;
  }
  const intr = interruptController(io);
  try {
    const resolver = await resolverFor(dir);
    const ep = await computePlan(prep, resolver, {}, intr.signal, dir, { mode: flags.mode, refresh: flags.refresh, targets: flags.targets, replace: flags.replace, parallelism: flags.parallelism });
    const sources = (f: string): string | undefined => prep.config.sources.get(f);
    const plan = { ...ep.plan, diagnostics: [...prep.diagnostics, ...ep.plan.diagnostics] };
    if (flags.json) {
      for (const line of renderPlanJSONLines(plan, { clock: systemClock, version: STREAMFORM_VERSION, sources })) io.out(line + '\n');
    } else if (flags.format === 'markdown') {
      io.out(renderPlanMarkdown(plan, { sources }));
    } else {
      io.out(renderPlanText(plan, { color: flags.color, sources }));
    }
    if (hasErrors(plan.diagnostics)) return EXIT_ERROR;
    if (flags.out) {
      const data: PlanFileData = { configHash: prep.config.hash, plan: ep, varArgs: flags.varArgs, targets: flags.targets, parallelism: flags.parallelism };
      writeFileSync(resolve(dir, flags.out), encodePlanData(data));
    }
    if (!flags.json && flags.format === 'text' && hasChanges(ep)) io.out('\n' + renderPlanFooter(flags.out ? { savedTo: flags.out } : {}));
    return flags.detailedExitcode && hasChanges(ep) ? EXIT_CHANGES : EXIT_OK;
  } catch (e) {
    io.err(renderDiagnostics([{ severity: 'error', code: 'internal', summary: String((e as Error).message ?? e) }], { color: flags.color }) + '\n');
    return EXIT_ERROR;
  } finally {
    intr.dispose();
    release(prep, io);
  }
}
