/**
 * `validate`: checks the configuration without state, variables or network: every resource and
 * data source body against its provider's schema, references to undeclared objects, and cycles.
 */
import type { Diagnostic } from '../../shared/index.js';
import { errorDiag, suggestion } from '../../shared/index.js';
import type { LoadedConfig } from '../config/index.js';
import type { EvalScope, MarkedValue, Reference } from '../lang/index.js';
import { evaluate, UNKNOWN } from '../lang/index.js';
import { buildGraph, providerLocalName } from './build-graph.js';
import { decodeBody } from './decode-body.js';
import type { ProviderResolver } from './types.js';
import type { Provider } from '../provider/index.js';

const unknown: MarkedValue = { value: UNKNOWN, sensitive: false };

export function validateConfig(config: LoadedConfig, providers: ProviderResolver): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const instances = new Map<string, Provider | undefined>();
  const providerFor = (source: string): Provider | undefined => {
    if (!instances.has(source)) instances.set(source, providers.factory(source)?.());
    return instances.get(source);
  };
  const { modules, diagnostics: gd } = buildGraph(config.root, []);
  diagnostics.push(...gd);
  for (const m of modules) {
    const c = m.config;
    // Declared resources by `mode.type.name`: a set, so checking each reference is O(1), not O(resources).
    const declared = new Set(c.resources.map((r) => `${r.mode}.${r.type}.${r.name}`));
    const scope: EvalScope = {
      lookup(ref: Reference): MarkedValue | undefined {
        switch (ref.kind) {
          case 'var': return c.variables.has(ref.name) ? unknown : undefined;
          case 'local': return c.locals.has(ref.name) ? unknown : undefined;
          case 'module': return c.moduleCalls.has(ref.name) ? unknown : undefined;
          case 'resource': return declared.has(`managed.${ref.type}.${ref.name}`) ? unknown : undefined;
          case 'data': return declared.has(`data.${ref.type}.${ref.name}`) ? unknown : undefined;
          default: return unknown;
        }
      },
    };
    const ev = (expr: Parameters<typeof evaluate>[0], file: string, s: EvalScope): { value?: MarkedValue; diagnostics: readonly Diagnostic[] } =>
      evaluate(expr, s, { file, baseDir: c.dir, now: () => Date.now(), uuid: () => '00000000-0000-4000-8000-000000000000' });
    for (const [, l] of c.locals) diagnostics.push(...ev(l.expr, l.range.file, scope).diagnostics);
    for (const [, o] of c.outputs) diagnostics.push(...ev(o.value.expr, o.value.range.file, scope).diagnostics);
    for (const r of c.resources) {
      const local = providerLocalName(r);
      const rp = c.terraform.requiredProviders.get(local) ?? config.root.terraform.requiredProviders.get(local);
      const source = (rp?.source ?? providers.defaultSource(local)).replace(/^registry\.terraform\.io\//, '');
      const p = providerFor(source);
      if (!p) { diagnostics.push(errorDiag('provider-unavailable', `Provider "${source}" is not available`, { detail: `Resource type "${r.type}" needs provider ${source}, which streamform does not ship.`, range: r.range })); continue; }
      const schemas = r.mode === 'managed' ? p.schema().resources : p.schema().dataSources;
      const schema = schemas[r.type];
      if (!schema) {
        diagnostics.push(errorDiag('config-unknown-resource-type', `Invalid ${r.mode === 'managed' ? 'resource' : 'data source'} type`, { detail: `The provider ${source} does not support ${r.mode === 'managed' ? 'resource' : 'data source'} type "${r.type}".${suggestion(r.type, Object.keys(schemas))}`, range: r.range }));
        continue;
      }
      const address = `${m.path ? m.path + '.' : ''}${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`;
      const dec = decodeBody(r.body, schema, scope, ev, { what: `${r.mode === 'managed' ? 'resource' : 'data'} "${r.type}" "${r.name}"`, address, unknownDynamic: true });
      diagnostics.push(...dec.diagnostics);
      diagnostics.push(...(p.validateResource?.(r.type, dec.value) ?? []).map((d) => ({ ...d, address, ...(d.range ? {} : { range: r.range }) })));
      if (r.count) diagnostics.push(...ev(r.count.expr, r.count.range.file, scope).diagnostics);
      if (r.forEach) diagnostics.push(...ev(r.forEach.expr, r.forEach.range.file, scope).diagnostics);
    }
  }
  return dedupe(diagnostics);
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => { const k = `${d.code}|${d.summary}|${d.detail}|${d.range?.file}:${d.range?.start.line}:${d.range?.start.column}`; if (seen.has(k)) return false; seen.add(k); return true; });
}
