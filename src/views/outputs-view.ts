/**
 * Output values after apply and for `streamform output`: the `Outputs:` section (`name = value`,
 * `<sensitive>` when masked), `-json` (name → {sensitive, type, value}) and `-raw` (one
 * primitive, unquoted; anything else is an error).
 */
import { errorDiag, type Outcome } from '../shared/index.js';
import { isObjectValue, isUnknown, type Value } from './plan-model.js';
import type { OutputValue } from './types.js';
import { maskedValue } from './value-mirror.js';
import { formatValue } from './value-format.js';

/** How `streamform output` prints. */
export type OutputFormat = 'human' | 'json' | 'raw';

/** The `Outputs:` section printed after apply, sensitive values masked; '' when there are none. */
export function renderOutputs(outputs: readonly OutputValue[]): string {
  if (outputs.length === 0) return '';
  const lines = ['Outputs:', ''];
  for (const o of sorted(outputs)) lines.push(`${o.name} = ${o.sensitive ? '<sensitive>' : formatValue(o.value)}`);
  return lines.join('\n') + '\n';
}

/** The text of `streamform output [-json|-raw] [name]`, or diagnostics for a missing name or a non-primitive -raw. */
export function renderOutputCommand(outputs: readonly OutputValue[], opts: { readonly format: OutputFormat; readonly name?: string }): Outcome<string> {
  if (opts.name === undefined) {
    if (opts.format === 'raw') {
      return { diagnostics: [errorDiag('output-raw-needs-name', 'Output name required', { detail: 'The -raw option requires a single output name.' })] };
    }
    if (opts.format === 'json') {
      const all: Record<string, unknown> = {};
      for (const o of sorted(outputs)) all[o.name] = { sensitive: o.sensitive, type: o.type ?? inferType(o.value), value: maskedValue(o.value, []) };
      return { value: JSON.stringify(all, null, 2) + '\n', diagnostics: [] };
    }
    if (outputs.length === 0) {
      return { value: '', diagnostics: [{ severity: 'warning', code: 'output-none', summary: 'No outputs found', detail: 'The state file either has no outputs defined, or all the defined outputs are empty. Please define an output in your configuration with the `output` keyword and run `streamform refresh` for it to become available. If you are using interpolation, please verify the interpolated value is not empty. You can use the `streamform console` command to assist.' }] };
    }
    const text = sorted(outputs).map((o) => `${o.name} = ${o.sensitive ? '<sensitive>' : formatValue(o.value)}`).join('\n');
    return { value: text + '\n', diagnostics: [] };
  }
  const o = outputs.find((x) => x.name === opts.name);
  if (o === undefined) {
    return { diagnostics: [errorDiag('output-not-found', `Output "${opts.name}" not found`, {
      detail: 'The output variable requested could not be found in the state file. If you recently added this to your configuration, be sure to run `streamform apply`, since the state won\'t be updated with new output variables until that command is run.',
    })] };
  }
  switch (opts.format) {
    case 'json': return { value: JSON.stringify(maskedValue(o.value, [])) + '\n', diagnostics: [] };
    case 'human': return { value: (o.sensitive ? '<sensitive>' : formatValue(o.value)) + '\n', diagnostics: [] };
    case 'raw': return rawValue(o);
  }
}

function rawValue(o: OutputValue): Outcome<string> {
  const v = o.value;
  if (typeof v === 'string') return { value: v, diagnostics: [] };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: String(v), diagnostics: [] };
  const what = v === null ? 'null' : isUnknown(v) ? 'unknown' : Array.isArray(v) ? 'a list' : 'an object';
  return { diagnostics: [errorDiag('output-raw-unsupported', 'Unsupported value for raw output', {
    detail: `The -raw option only supports strings, numbers, and boolean values, but output value "${o.name}" is ${what}.\n\nUse the -json option for machine-readable representations of output values that have complex types.`,
  })] };
}

/** A Terraform type expression guessed from a value. */
export function inferType(v: Value): unknown {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return ['tuple', v.map((e: Value) => inferType(e))];
  if (isObjectValue(v)) {
    const attrs: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) attrs[k] = inferType(v[k] ?? null);
    return ['object', attrs];
  }
  return 'dynamic';
}

function sorted(outputs: readonly OutputValue[]): OutputValue[] {
  return outputs.slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
