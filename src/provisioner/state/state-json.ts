/**
 * The JSON form of state used by `state pull` / `state push`: Terraform's v4 state JSON
 * (`version: 4`, `terraform_version`, `serial`, `lineage`, `outputs`, `resources[]` grouped per
 * resource with `instances[]`). Import also reads real Terraform .tfstate v4 files so users can
 * migrate an existing state into streamform.
 *
 * Mapping: `private` is base64 of the JSON text of our private object (Terraform's private is
 * opaque bytes; bytes that are not a JSON object import as `{ "$base64": "..." }` and export back
 * unchanged). Sensitive paths map to `sensitive_attributes` step lists; status `tainted` and
 * `deposed` keys are carried as in Terraform.
 */
import { errorDiag } from '../../shared/index.js';
import type { Diagnostic, Outcome } from '../../shared/index.js';
import type { ObjectValue, Value } from './lang-values.js';
import { formatInstanceAddress, parseModulePath } from './state-address.js';
import { compareResources, encodeValue, isPlainObject } from './state-codec.js';
import { pathToSteps, stepsToPath } from './sensitive-path.js';
import type { OutputState, ResourceInstanceState, StateSnapshot } from './types.js';

/** Terraform's cty type JSON for a value (used for output `type`). */
function ctyType(v: Value): unknown {
  if (v === null) return 'dynamic';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return ['tuple', v.map(ctyType)];
  const o = v as ObjectValue;
  return ['object', Object.fromEntries(Object.keys(o).sort().map((k) => [k, ctyType(o[k] ?? null)]))];
}

function compareKeys(a: number | string | undefined, b: number | string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : 1;
}

function encodePrivate(p: ObjectValue): string {
  const raw = p['$base64'];
  if (Object.keys(p).length === 1 && typeof raw === 'string') return raw;
  return Buffer.from(encodeValue(p, 'private data'), 'utf8').toString('base64');
}

/** Serialises a snapshot as Terraform v4 state JSON (2-space indented, deterministic order). */
export function exportStateJSON(s: StateSnapshot): string {
  const groups = new Map<string, ResourceInstanceState[]>();
  for (const r of s.resources) {
    const key = formatInstanceAddress({ module: r.module, mode: r.mode, type: r.type, name: r.name });
    const g = groups.get(key);
    if (g === undefined) groups.set(key, [r]);
    else g.push(r);
  }
  const resources = [...groups.keys()].sort().map((key) => {
    const inst = [...(groups.get(key) ?? [])].sort((a, b) => compareKeys(a.indexKey, b.indexKey) || compareResources(a, b));
    const first = inst[0];
    return {
      ...(first?.module ? { module: first.module } : {}),
      mode: first?.mode, type: first?.type, name: first?.name, provider: first?.provider,
      instances: inst.map((r) => ({
        ...(r.indexKey === undefined ? {} : { index_key: r.indexKey }),
        ...(r.status === 'tainted' ? { status: 'tainted' } : {}),
        ...(r.deposed === undefined ? {} : { deposed: r.deposed }),
        schema_version: r.schemaVersion,
        attributes: r.attributes,
        sensitive_attributes: r.sensitivePaths.map((p) => pathToSteps(p) ?? [{ type: 'get_attr', value: p }]),
        ...(r.private === undefined ? {} : { private: encodePrivate(r.private) }),
        ...(r.dependencies.length === 0 ? {} : { dependencies: r.dependencies }),
        ...(r.createBeforeDestroy === true ? { create_before_destroy: true } : {}),
      })),
    };
  });
  const outputs = Object.fromEntries(Object.keys(s.outputs).sort().map((name) => {
    const o = s.outputs[name] as OutputState;
    return [name, { value: o.value, type: ctyType(o.value), ...(o.sensitive ? { sensitive: true } : {}) }];
  }));
  return `${JSON.stringify({
    version: 4, terraform_version: s.terraformVersion, serial: s.serial, lineage: s.lineage,
    outputs, resources, check_results: null,
  }, null, 2)}\n`;
}

type Problems = Diagnostic[];

function bad(problems: Problems, where: string, what: string): void {
  problems.push(errorDiag('state-json-invalid', 'Invalid state JSON', { detail: `${where}: ${what}` }));
}

function decodePrivate(text: string): ObjectValue {
  try {
    const v: unknown = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
    if (isPlainObject(v)) return v as ObjectValue;
  } catch { /* not JSON: keep the bytes as they are */ }
  return { $base64: text };
}

function readInstance(problems: Problems, res: { module: string; mode: 'managed' | 'data'; type: string; name: string; provider: string }, inst: unknown, where: string): ResourceInstanceState | undefined {
  if (!isPlainObject(inst)) { bad(problems, where, 'instance must be an object'); return undefined; }
  if ('attributes_flat' in inst && !('attributes' in inst)) {
    bad(problems, where, 'legacy "attributes_flat" is not supported; refresh the state with Terraform 0.12 or later first');
    return undefined;
  }
  const { index_key: key, schema_version: sv, attributes, sensitive_attributes: sens, private: priv, dependencies: deps, status, deposed, create_before_destroy: cbd } = inst;
  let ok = true;
  const check = (cond: boolean, what: string): void => { if (!cond) { bad(problems, where, what); ok = false; } };
  check(key === undefined || (typeof key === 'number' && Number.isInteger(key) && key >= 0) || typeof key === 'string', 'index_key must be a whole number or a string');
  check(sv === undefined || (typeof sv === 'number' && Number.isInteger(sv) && sv >= 0), 'schema_version must be a whole number');
  check(isPlainObject(attributes), 'attributes must be an object');
  check(sens === undefined || Array.isArray(sens), 'sensitive_attributes must be a list');
  check(priv === undefined || typeof priv === 'string', 'private must be a base64 string');
  check(deps === undefined || (Array.isArray(deps) && deps.every((d) => typeof d === 'string')), 'dependencies must be a list of strings');
  check(status === undefined || status === 'tainted', 'status must be absent or "tainted"');
  check(deposed === undefined || (typeof deposed === 'string' && deposed !== ''), 'deposed must be a non-empty string');
  check(cbd === undefined || typeof cbd === 'boolean', 'create_before_destroy must be a boolean');
  if (!ok) return undefined;
  const paths: string[] = [];
  for (const [i, steps] of ((sens as unknown[] | undefined) ?? []).entries()) {
    const p = stepsToPath(steps);
    if (p === undefined) { bad(problems, `${where}.sensitive_attributes[${i}]`, 'not a path'); return undefined; }
    paths.push(p);
  }
  const indexKey = key as number | string | undefined;
  const r: { -readonly [K in keyof ResourceInstanceState]: ResourceInstanceState[K] } = {
    address: formatInstanceAddress({ ...res, ...(indexKey === undefined ? {} : { indexKey }) }),
    ...res,
    schemaVersion: (sv as number | undefined) ?? 0,
    attributes: attributes as ObjectValue,
    sensitivePaths: [...new Set(paths)].sort(),
    dependencies: [...new Set((deps as string[] | undefined) ?? [])].sort(),
    status: status === 'tainted' ? 'tainted' : 'ready',
  };
  if (indexKey !== undefined) r.indexKey = indexKey;
  if (typeof priv === 'string') r.private = decodePrivate(priv);
  if (typeof deposed === 'string') r.deposed = deposed;
  if (cbd === true) r.createBeforeDestroy = true;
  return r;
}

function readResources(problems: Problems, list: unknown): ResourceInstanceState[] {
  const out: ResourceInstanceState[] = [];
  if (list === undefined || list === null) return out;
  if (!Array.isArray(list)) { bad(problems, 'resources', 'must be a list'); return out; }
  for (const [i, res] of (list as unknown[]).entries()) {
    const where = `resources[${i}]`;
    if (!isPlainObject(res)) { bad(problems, where, 'must be an object'); continue; }
    const { module = '', mode, type, name, provider, instances } = res;
    if (typeof module !== 'string' || (module !== '' && parseModulePath(module) === undefined)) { bad(problems, where, `module ${JSON.stringify(module)} is not a module path`); continue; }
    if (mode !== 'managed' && mode !== 'data') { bad(problems, where, 'mode must be "managed" or "data"'); continue; }
    if (typeof type !== 'string' || typeof name !== 'string' || type === '' || name === '') { bad(problems, where, 'type and name must be non-empty strings'); continue; }
    if (typeof provider !== 'string') { bad(problems, where, 'provider must be a string'); continue; }
    if (!Array.isArray(instances)) { bad(problems, where, 'instances must be a list'); continue; }
    for (const [j, inst] of (instances as unknown[]).entries()) {
      const r = readInstance(problems, { module, mode, type, name, provider }, inst, `${where}.instances[${j}]`);
      if (r !== undefined) out.push(r);
    }
  }
  return out;
}

function readOutputs(problems: Problems, outs: unknown): Record<string, OutputState> {
  const out: Record<string, OutputState> = {};
  if (outs === undefined || outs === null) return out;
  if (!isPlainObject(outs)) { bad(problems, 'outputs', 'must be an object'); return out; }
  for (const [name, o] of Object.entries(outs)) {
    if (!isPlainObject(o) || !('value' in o)) { bad(problems, `outputs.${name}`, 'must be an object with a value'); continue; }
    out[name] = { value: (o['value'] ?? null) as Value, sensitive: o['sensitive'] === true };
  }
  return out;
}

/**
 * Parses and validates state JSON (ours or a Terraform v4 .tfstate). Every problem is reported,
 * each with a JSON location; the value is present only when there are none.
 */
export function importStateJSON(text: string): Outcome<StateSnapshot> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { diagnostics: [errorDiag('state-json-invalid', 'Invalid state JSON', { detail: (e as Error).message })] };
  }
  if (!isPlainObject(doc)) return { diagnostics: [errorDiag('state-json-invalid', 'Invalid state JSON', { detail: 'the document must be an object' })] };
  if (doc['version'] !== 4) {
    return { diagnostics: [errorDiag('state-json-version-unsupported', 'Unsupported state format version', {
      detail: `expected "version": 4 (Terraform 0.12 or later), found ${JSON.stringify(doc['version'])}.`,
    })] };
  }
  const problems: Problems = [];
  const { lineage, serial, terraform_version: tfv } = doc;
  if (typeof lineage !== 'string' || lineage === '') bad(problems, 'lineage', 'must be a non-empty string');
  if (typeof serial !== 'number' || !Number.isInteger(serial) || serial < 0) bad(problems, 'serial', 'must be a whole number');
  if (tfv !== undefined && typeof tfv !== 'string') bad(problems, 'terraform_version', 'must be a string');
  const resources = readResources(problems, doc['resources']).sort(compareResources);
  for (let i = 1; i < resources.length; i++) {
    if (compareResources(resources[i - 1] as ResourceInstanceState, resources[i] as ResourceInstanceState) === 0) {
      bad(problems, 'resources', `${resources[i]?.address ?? ''} appears more than once`);
    }
  }
  const outputs = readOutputs(problems, doc['outputs']);
  if (problems.length > 0) return { diagnostics: problems };
  return {
    value: {
      lineage: lineage as string, serial: serial as number,
      terraformVersion: typeof tfv === 'string' ? tfv : '', streamformVersion: '',
      resources, outputs,
    },
    diagnostics: [],
  };
}
