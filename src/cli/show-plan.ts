/** `streamform show [-json] PLANFILE`: renders a saved plan. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { errorDiag } from '../shared/index.js';
import { decodePlanData } from '../provisioner/plan/index.js';
import { planToJSON, renderPlanText } from '../views/index.js';
import { EXIT_ERROR, EXIT_OK } from './exit-codes.js';
import type { PlanFileData } from './plan-command.js';
import type { Io } from './terminal.js';
import { STREAMFORM_VERSION } from './version.js';
import { printDiagnostics } from './workspace.js';

export async function showPlanFile(io: Io, dir: string, file: string, opts: { color: boolean; json: boolean }): Promise<number> {
  let text: string;
  try { text = readFileSync(resolve(dir, file), 'utf8'); } catch {
    printDiagnostics(io, [errorDiag('plan-file-missing', 'Failed to read the plan file', { detail: `No file at ${file}.` })], { color: opts.color });
    return EXIT_ERROR;
  }
  const data = decodePlanData(text) as PlanFileData | undefined;
  if (!data) { printDiagnostics(io, [errorDiag('plan-file-invalid', 'Invalid plan file', { detail: `${file} is not a streamform plan file.` })], { color: opts.color }); return EXIT_ERROR; }
  io.out(opts.json ? JSON.stringify(planToJSON(data.plan.plan, { version: STREAMFORM_VERSION })) + '\n' : renderPlanText(data.plan.plan, { color: opts.color }));
  return EXIT_OK;
}
