/** `streamform fmt`: rewrites *.tf, *.tfvars and *.tftest.hcl files in canonical format. */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { formatHcl } from '../provisioner/format/index.js';
import { hcl2json, syntaxDiagnostics } from '../provisioner/config/index.js';
import { EXIT_ERROR, EXIT_FMT_CHECK, EXIT_OK } from './exit-codes.js';
import type { Io } from './terminal.js';
import { printDiagnostics } from './workspace.js';

function filesIn(dir: string, recursive: boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) { if (recursive) out.push(...filesIn(p, true)); continue; }
    if (/\.(tf|tfvars|tftest\.hcl)$/.test(name)) out.push(p);
  }
  return out;
}

export async function fmtCommand(io: Io, dir: string, targets: readonly string[], opts: { check: boolean; diff: boolean; write: boolean; list: boolean; recursive: boolean; color: boolean }): Promise<number> {
  const files: string[] = [];
  for (const t of targets.length ? targets : ['.']) {
    const p = resolve(dir, t);
    let st;
    try { st = statSync(p); } catch { io.err(`Error: No file or directory at ${t}\n`); return EXIT_ERROR; }
    files.push(...(st.isDirectory() ? filesIn(p, opts.recursive) : [p]));
  }
  let unformatted = 0, failed = false;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const display = relative(dir, f) || f;
    // The formatter only tokenises; a file hcl2json rejects is reported and left as it is.
    if (/\.(tf|tfvars)$/.test(f)) {
      try { await (await hcl2json()).parse(display, text); } catch (e) {
        printDiagnostics(io, syntaxDiagnostics(String((e as Error).message ?? e), display), { color: opts.color, sources: new Map([[display, text]]) });
        failed = true;
        continue;
      }
    }
    const r = formatHcl(text, { file: display, blankLines: 'keep' });
    if (r.diagnostics.some((d) => d.severity === 'error')) { printDiagnostics(io, r.diagnostics, { color: opts.color, sources: new Map([[display, text]]) }); failed = true; continue; }
    if (!r.changed) continue;
    unformatted++;
    if (opts.list) io.out(display + '\n');
    if (opts.diff) io.out(createTwoFilesPatch(`old/${display}`, `new/${display}`, text, r.output));
    if (opts.write && !opts.check) writeFileSync(f, r.output);
  }
  if (failed) return EXIT_ERROR;
  return opts.check && unformatted > 0 ? EXIT_FMT_CHECK : EXIT_OK;
}
