/**
 * Resource and module addresses, in Terraform's textual form:
 * `module.net["a"].module.sub[0].random_id.r[2]`, `data.confluent_organization.this`.
 */
import type { Diagnostic } from '../../shared/index.js';
import { errorDiag } from '../../shared/index.js';

export type InstanceKey = number | string;

/** One step of a module path: `module.<name>[key]`. */
export interface ModuleStep {
  readonly name: string;
  readonly key?: InstanceKey;
}

export type ResourceMode = 'managed' | 'data';

/** A resource (all its instances) inside a module instance. */
export interface ResourceAddr {
  readonly module: readonly ModuleStep[];
  readonly mode: ResourceMode;
  readonly type: string;
  readonly name: string;
}

/** One instance of a resource. */
export interface InstanceAddr extends ResourceAddr {
  readonly key?: InstanceKey;
}

/** Formats an instance key the way Terraform does: `[0]` or `["a"]`. */
export function formatKey(key: InstanceKey | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

export function formatModulePath(module: readonly ModuleStep[]): string {
  return module.map((s) => `module.${s.name}${formatKey(s.key)}`).join('.');
}

export function formatResourceAddr(a: ResourceAddr): string {
  const own = a.mode === 'data' ? `data.${a.type}.${a.name}` : `${a.type}.${a.name}`;
  const mod = formatModulePath(a.module);
  return mod ? `${mod}.${own}` : own;
}

export function formatInstanceAddr(a: InstanceAddr): string {
  return formatResourceAddr(a) + formatKey(a.key);
}

/** A parsed target / state address: may name a module, a resource or one instance. */
export type TargetAddr =
  | { readonly kind: 'module'; readonly module: readonly ModuleStep[] }
  | { readonly kind: 'resource'; readonly addr: ResourceAddr }
  | { readonly kind: 'instance'; readonly addr: InstanceAddr };

const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*/;

/** Parses an address such as `module.a["x"].random_id.r[0]`; errors say what was expected. */
export function parseAddress(text: string): { value?: TargetAddr; diagnostics: Diagnostic[] } {
  let rest = text.trim();
  const fail = (why: string): { diagnostics: Diagnostic[] } => ({
    diagnostics: [errorDiag('address-invalid', `Invalid address "${text}"`, { detail: `${why}. Addresses look like random_id.r, random_id.r[0], module.m["k"].random_id.r or data.T.N.` })],
  });
  const module: ModuleStep[] = [];
  const takeIdent = (): string | undefined => {
    const m = IDENT.exec(rest);
    if (!m) return undefined;
    rest = rest.slice(m[0].length);
    return m[0];
  };
  const takeKey = (): InstanceKey | undefined | null => {
    if (!rest.startsWith('[')) return undefined;
    const close = rest.indexOf(']');
    if (close < 0) return null;
    const inner = rest.slice(1, close).trim();
    rest = rest.slice(close + 1);
    if (/^-?\d+$/.test(inner)) return Number(inner);
    if (inner.startsWith('"') && inner.endsWith('"')) {
      try { return JSON.parse(inner) as string; } catch { return null; }
    }
    return null;
  };
  const takeDot = (): boolean => { if (rest.startsWith('.')) { rest = rest.slice(1); return true; } return false; };

  while (rest.startsWith('module.')) {
    rest = rest.slice('module.'.length);
    const name = takeIdent();
    if (!name) return fail('expected a module name after "module."');
    const key = takeKey();
    if (key === null) return fail('invalid module instance key');
    module.push(key === undefined ? { name } : { name, key });
    if (rest === '') return { value: { kind: 'module', module }, diagnostics: [] };
    if (!takeDot()) return fail(`unexpected "${rest}"`);
  }
  let mode: ResourceMode = 'managed';
  let type = takeIdent();
  if (type === 'data') {
    mode = 'data';
    if (!takeDot()) return fail('expected "." after "data"');
    type = takeIdent();
  }
  if (!type) return fail('expected a resource type');
  if (!takeDot()) return fail('expected "." and a resource name after the type');
  const name = takeIdent();
  if (!name) return fail('expected a resource name');
  const key = takeKey();
  if (key === null) return fail('invalid instance key');
  if (rest !== '') return fail(`unexpected "${rest}"`);
  const addr: ResourceAddr = { module, mode, type, name };
  if (key === undefined) return { value: { kind: 'resource', addr }, diagnostics: [] };
  return { value: { kind: 'instance', addr: { ...addr, key } }, diagnostics: [] };
}

/** True when `target` selects the instance `a` (module prefix, whole resource or exact instance). */
export function targetMatches(target: TargetAddr, a: InstanceAddr): boolean {
  const modPrefix = (mod: readonly ModuleStep[]): boolean => {
    if (mod.length > a.module.length) return false;
    return mod.every((s, i) => { const o = a.module[i]!; return o.name === s.name && (s.key === undefined || s.key === o.key); });
  };
  switch (target.kind) {
    case 'module': return modPrefix(target.module);
    case 'resource': return formatModulePath(target.addr.module) === formatModulePath(a.module) && target.addr.mode === a.mode && target.addr.type === a.type && target.addr.name === a.name;
    case 'instance': return formatInstanceAddr(target.addr) === formatInstanceAddr(a);
  }
}

/** Parses a full instance address (as stored in state). Throws nothing; returns undefined on error. */
export function parseInstanceAddr(text: string): InstanceAddr | undefined {
  const r = parseAddress(text);
  if (!r.value) return undefined;
  if (r.value.kind === 'instance') return r.value.addr;
  if (r.value.kind === 'resource') return r.value.addr;
  return undefined;
}
