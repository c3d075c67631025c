/**
 * `plan -generate-config-out=FILE`: for import blocks whose target has no resource block, read
 * the object through the provider and write HCL for it (arguments only, computed-only attributes
 * left out), so the next plan imports it with configuration that matches.
 */
import type { Diagnostic } from '../../shared/index.js';
import { errorDiag, hasErrors } from '../../shared/index.js';
import { parseAddress } from '../addr/index.js';
import type { ImportBlock, LoadedConfig } from '../config/index.js';
import { evaluateConstant, isObjectValue, type ObjectValue, type Value } from '../lang/index.js';
import type { BlockSchema } from '../provider/index.js';
import type { ProviderResolver } from './types.js';

function hclString(s: string): string {
  if (s.includes('\n')) return `<<-EOT\n${s.split('\n').map((l) => (l ? '    ' + l : l)).join('\n')}${s.endsWith('\n') ? '' : '\n'}  EOT`;
  return JSON.stringify(s).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

function hclValue(v: Value, indent: string): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return hclString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length ? `[\n${v.map((x) => `${indent}  ${hclValue(x, indent + '  ')},`).join('\n')}\n${indent}]` : '[]';
  if (isObjectValue(v)) {
    const ks = Object.keys(v).sort();
    if (!ks.length) return '{}';
    const w = Math.max(...ks.map((k) => JSON.stringify(k).length));
    return `{\n${ks.map((k) => `${indent}  ${JSON.stringify(k).padEnd(w)} = ${hclValue(v[k] ?? null, indent + '  ')}`).join('\n')}\n${indent}}`;
  }
  return 'null';
}

function bodyLines(schema: BlockSchema, state: ObjectValue, indent: string): string[] {
  const lines: string[] = [];
  const attrs = Object.entries(schema.attributes).filter(([, a]) => a.required || a.optional).map(([k]) => k).sort();
  const w = Math.max(0, ...attrs.map((k) => k.length));
  for (const k of attrs) {
    const v = state[k] ?? null;
    const a = schema.attributes[k]!;
    if (v === null && !a.required) continue;
    if (a.sensitive) { lines.push(`${indent}${k.padEnd(w)} = null # sensitive: set it yourself`); continue; }
    lines.push(`${indent}${k.padEnd(w)} = ${hclValue(v, indent)}`);
  }
  for (const [k, b] of Object.entries(schema.blocks ?? {}).sort(([a], [c]) => a.localeCompare(c))) {
    const v = state[k] ?? null;
    const items = Array.isArray(v) ? v : v === null ? [] : [v];
    for (const it of items) if (isObjectValue(it)) { lines.push(`${indent}${k} {`, ...bodyLines(b.block, it, indent + '  '), `${indent}}`); }
  }
  return lines;
}

/** Generates HCL for import blocks without configuration; returns '' when there are none. */
export async function generateImportConfig(config: LoadedConfig, providers: ProviderResolver): Promise<{ text: string; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const out: string[] = [];
  const root = config.root;
  const missing: ImportBlock[] = root.imports.filter((ib) => {
    const p = parseAddress(ib.to).value;
    return !!p && p.kind !== 'module' && p.addr.module.length === 0 && !root.resources.some((r) => r.mode === 'managed' && r.type === p.addr.type && r.name === p.addr.name);
  });
  for (const ib of missing) {
    const p = parseAddress(ib.to).value!;
    if (p.kind === 'module') continue;
    const type = p.addr.type;
    const local = ib.provider?.name ?? type.split('_')[0]!;
    const source = (root.terraform.requiredProviders.get(local)?.source ?? providers.defaultSource(local)).replace(/^registry\.terraform\.io\//, '');
    const f = providers.factory(source);
    if (!f) { diagnostics.push(errorDiag('provider-unavailable', `Provider ${source} is not available`, { range: ib.range })); continue; }
    const idv = evaluateConstant(ib.id.expr, ib.id.range.file);
    if (typeof idv.value !== 'string') { diagnostics.push(...idv.diagnostics, errorDiag('import-id', 'Invalid import id', { detail: 'To generate configuration, the import id must be a constant string.', range: ib.id.range })); continue; }
    const provider = f();
    const schema = provider.schema();
    const cfg: Record<string, Value> = {};
    for (const [k, a] of Object.entries(schema.provider.attributes)) cfg[k] = a.default ?? null;
    for (const [k, b] of Object.entries(schema.provider.blocks ?? {})) cfg[k] = b.nesting === 'single' ? null : [];
    Object.assign(cfg, Object.fromEntries(Object.entries(providers.defaults?.(source) ?? {}).filter(([k]) => cfg[k] === null)));
    const ctx = { address: ib.to, signal: new AbortController().signal, progress: () => undefined, now: () => Date.now() };
    const cd = await provider.configure(cfg, ctx);
    if (hasErrors(cd)) { diagnostics.push(...cd); continue; }
    const rs = schema.resources[type];
    if (!rs || !provider.importResource) { diagnostics.push(errorDiag('import-unsupported', `Resource type ${type} cannot be imported`, { range: ib.range })); continue; }
    const r = await provider.importResource(type, idv.value, ctx);
    await provider.close?.();
    if (!r.state) { diagnostics.push(...(r.diagnostics ?? []), errorDiag('import-not-found', 'Cannot import non-existent remote object', { detail: `No ${type} with id "${idv.value}" exists.`, range: ib.range })); continue; }
    out.push(`# __generated__ by streamform from "${idv.value}"\nresource "${type}" "${p.addr.name}" {\n${bodyLines(rs, r.state, '  ').join('\n')}\n}\n`);
  }
  return { text: out.length ? `# __generated__ by streamform\n# Please review these resources and move them into your main configuration files.\n\n${out.join('\n')}` : '', diagnostics };
}

/** Import blocks whose target has no resource block: an error unless config is being generated. */
export function missingImportTargets(config: LoadedConfig): Diagnostic[] {
  const root = config.root;
  return root.imports.filter((ib) => {
    const p = parseAddress(ib.to).value;
    return !!p && p.kind !== 'module' && !root.resources.some((r) => r.mode === 'managed' && r.type === p.addr.type && r.name === p.addr.name) && p.addr.module.length === 0;
  }).map((ib) => errorDiag('import-no-config', 'Configuration for import target does not exist', {
    detail: `The configuration for the given import target ${ib.to} does not exist. Add a resource block for it, or run streamform plan -generate-config-out=generated.tf to have streamform write one.`,
    range: ib.range,
  }));
}
