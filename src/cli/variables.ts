/**
 * Collects root module variable values the way Terraform does, later sources winning:
 * TF_VAR_* environment variables, terraform.tfvars(.json), *.auto.tfvars(.json) in name order,
 * then -var and -var-file in command-line order. Values from files are HCL/JSON literals; -var
 * and TF_VAR_ text is parsed against the variable's type by the engine.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../shared/index.js';
import { errorDiag, warningDiag } from '../shared/index.js';
import type { ModuleConfig } from '../provisioner/config/index.js';
import { hcl2json, syntaxDiagnostics } from '../provisioner/config/index.js';
import type { VariableInput } from '../provisioner/engine/index.js';
import { evaluateConstant, parseLiteralOrTemplate, type Value } from '../provisioner/lang/index.js';
import type { Io } from './terminal.js';

export interface VariableArgs {
  /** -var and -var-file in the order given: { kind: 'var', text: 'a=b' } | { kind: 'file', path }. */
  readonly ordered: readonly ({ kind: 'var'; text: string } | { kind: 'file'; path: string })[];
}

async function readVarFile(path: string, display: string, diags: Diagnostic[]): Promise<Record<string, Value> | undefined> {
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch {
    diags.push(errorDiag('vars-file-missing', `Failed to read variables file`, { detail: `Given variables file ${display} does not exist.` }));
    return undefined;
  }
  let json: Record<string, unknown>;
  if (path.endsWith('.json')) {
    try { json = JSON.parse(text) as Record<string, unknown>; } catch (e) {
      diags.push(errorDiag('vars-file-syntax', 'Invalid JSON in variables file', { detail: String((e as Error).message), range: { file: display, start: { line: 1, column: 1 } } }));
      return undefined;
    }
  } else {
    try { json = await (await hcl2json()).parse(display, text) as Record<string, unknown>; } catch (e) {
      diags.push(...syntaxDiagnostics(String((e as Error).message), display));
      return undefined;
    }
  }
  const out: Record<string, Value> = {};
  for (const [k, v] of Object.entries(json)) {
    const e = parseLiteralOrTemplate(v, { file: display });
    if (!e.value) { diags.push(...e.diagnostics); continue; }
    const r = evaluateConstant(e.value, display);
    if (r.value === undefined) { diags.push(...r.diagnostics); continue; }
    out[k] = r.value;
  }
  return out;
}

/** Gathers variable inputs; prompts on a terminal for required variables that have no value. */
export async function collectVariables(dir: string, root: ModuleConfig, args: VariableArgs, io: Io, opts: { input: boolean }): Promise<{ variables: Map<string, VariableInput>; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const vars = new Map<string, VariableInput>();
  const declared = root.variables;
  const set = (name: string, input: VariableInput, strict: boolean): void => {
    if (!declared.has(name)) {
      if (strict) diagnostics.push(errorDiag('vars-undeclared', `Value for undeclared variable`, { detail: `A variable named "${name}" was assigned on the command line, but the root module does not declare a variable of that name. To use this value, add a "variable" block to the configuration.` }));
      else diagnostics.push(warningDiag('vars-undeclared', `Value for undeclared variable`, { detail: `The root module does not declare a variable named "${name}" but a value was found in ${input.source}. It was ignored.` }));
      return;
    }
    vars.set(name, input);
  };
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('TF_VAR_') && v !== undefined && declared.has(k.slice(7))) vars.set(k.slice(7), { value: v, source: `environment variable ${k}`, raw: true });
  }
  const files: string[] = [];
  for (const f of ['terraform.tfvars', 'terraform.tfvars.json']) if (existsSync(join(dir, f))) files.push(f);
  try { files.push(...readdirSync(dir).filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')).sort()); } catch { /* no dir */ }
  for (const f of files) {
    const vals = await readVarFile(join(dir, f), f, diagnostics);
    if (vals) for (const [k, v] of Object.entries(vals)) set(k, { value: v, source: f, raw: false }, false);
  }
  for (const item of args.ordered) {
    if (item.kind === 'var') {
      const eq = item.text.indexOf('=');
      if (eq <= 0) { diagnostics.push(errorDiag('vars-invalid-flag', 'Invalid -var option', { detail: `The given -var option ${JSON.stringify(item.text)} is not correctly specified. It must be a variable name and value separated by an equals sign, like -var="key=value".` })); continue; }
      set(item.text.slice(0, eq), { value: item.text.slice(eq + 1), source: '-var', raw: true }, true);
    } else {
      const vals = await readVarFile(resolve(dir, item.path), item.path, diagnostics);
      if (vals) for (const [k, v] of Object.entries(vals)) set(k, { value: v, source: `-var-file=${item.path}`, raw: false }, false);
    }
  }
  if (opts.input && io.stdinTTY) {
    for (const [name, decl] of [...declared].sort(([a], [b]) => a.localeCompare(b))) {
      if (vars.has(name) || decl.hasDefault) continue;
      const answer = await io.prompt(`var.${name}\n${decl.description ? `  ${decl.description}\n` : ''}\n  Enter a value: `);
      vars.set(name, { value: answer, source: 'input', raw: true });
    }
  }
  return { variables: vars, diagnostics };
}
