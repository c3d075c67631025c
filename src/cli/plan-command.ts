/** `streamform plan`: compute and show a plan; optionally save it (-out) or render it as JSON/Markdown. */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { errorDiag, hasErrors, systemClock } from '../shared/index.js';
import type { EnginePlan } from '../provisioner/engine/index.js';
import type { PlanMode } from '../provisioner/plan/index.js';
import { encodePlanData } from '../provisioner/plan/index.js';
import { ApplyProgressReporter, renderDiagnostics, renderPlanFooter, renderPlanJSONLines, renderPlanMarkdown, renderPlanText } from '../views/index.js';
import { EXIT_CHANGES, EXIT_ERROR, EXIT_OK } from './exit-codes.js';
import { interruptController } from './interrupt.js';
import { computePlan, prepare, release, type CommonOptions } from './run-plan.js';
import type { Io } from './terminal.js';
import { STREAMFORM_VERSION } from './version.js';
import { loadWorkspaceConfig, printDiagnostics, providerResolver } from './workspace.js';
import { generateImportConfig, type ProviderResolver } from '../provisioner/engine/index.js';

export interface PlanFlags extends CommonOptions {
  readonly mode: PlanMode;
  readonly refresh: boolean;
  readonly targets: readonly string[];
  readonly replace: readonly string[];
  readonly out?: string;
  readonly detailedExitcode: boolean;
  readonly format: 'text' | 'markdown';
  readonly generateConfigOut?: string;
}

async function generateConfig(io: Io, dir: string, file: string, color: boolean, resolverFor: (dir: string) => Promise<ProviderResolver>): Promise<number> {
  const target = resolve(dir, file);
  if (existsSync(target)) {
    printDiagnostics(io, [errorDiag('generate-config-exists', 'Target generated file already exists', { detail: `streamform can only write generated config into a new file. Load the existing file into your configuration, or choose another -generate-config-out path than ${file}.` })], { color });
    return EXIT_ERROR;
  }
  const loaded = await loadWorkspaceConfig(dir);
  if (!loaded.config) { printDiagnostics(io, loaded.diagnostics, { color }); return EXIT_ERROR; }
  const g = await generateImportConfig(loaded.config, await resolverFor(dir));
  if (hasErrors(g.diagnostics)) { printDiagnostics(io, g.diagnostics, { color, sources: loaded.config.sources }); return EXIT_ERROR; }
  if (g.text) { writeFileSync(target, g.text); io.out(`Generated configuration for import targets written to ${file}.\n\n`); }
  return EXIT_OK;
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
  if (flags.generateConfigOut) {
    const code = await generateConfig(io, dir, flags.generateConfigOut, flags.color, resolverFor);
    if (code !== EXIT_OK) return code;
  }
  const prep = await prepare(io, dir, flags, 'OperationTypePlan', false);
  if ('failed' in prep) {
    if (flags.json) io.out(JSON.stringify({ '@level': 'error', '@message': 'plan failed', diagnostics: prep.failed.map((d) => d.summary) }) + '\n');
    printDiagnostics(io, prep.failed, { color: flags.color, sources: prep.config?.sources });
    return EXIT_ERROR;
  }
  const intr = interruptController(io);
  try {
    const resolver = await resolverFor(dir);
    let refreshed = false;
    const hooks = flags.json || flags.format !== 'text' ? {} : new ApplyProgressReporter({ color: flags.color, json: false, clock: systemClock, emit: (t) => { refreshed = true; io.out(t.endsWith('\n') ? t : t + '\n'); } }).hooks;
    const ep = await computePlan(prep, resolver, hooks, intr.signal, dir, { mode: flags.mode, refresh: flags.refresh, targets: flags.targets, replace: flags.replace, parallelism: flags.parallelism });
    const sources = (f: string): string | undefined => prep.config.sources.get(f);
    const plan = { ...ep.plan, diagnostics: [...prep.diagnostics, ...ep.plan.diagnostics] };
    if (flags.json) {
      for (const line of renderPlanJSONLines(plan, { clock: systemClock, version: STREAMFORM_VERSION, sources })) io.out(line + '\n');
    } else if (flags.format === 'markdown') {
      io.out(renderPlanMarkdown(plan, { sources }));
    } else {
      if (refreshed) io.out('\n');
      // A failed plan is an error report: it goes to stderr, like Terraform's.
      (hasErrors(plan.diagnostics) ? io.err : io.out)(renderPlanText(plan, { color: flags.color, sources }));
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
