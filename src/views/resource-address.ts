/**
 * Splitting an instance address (`module.m["a"].data.x_y.z[0]`) into the parts the JSON views
 * report: module path, resource part, mode, type, name and instance key.
 */

/** The parts of a resource instance address. */
export interface AddressParts {
  /** `module.a.module.b`, or '' in the root module. */
  readonly module: string;
  /** The address without the module path: `data.x_y.z[0]`. */
  readonly resource: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** count index, for_each key, or null for a single instance. */
  readonly key: string | number | null;
}

const MODULE_STEP = /^module\.[A-Za-z_][A-Za-z0-9_-]*(?:\[(?:"(?:[^"\\]|\\.)*"|\d+)\])?\./;
const RESOURCE = /^(data\.)?([A-Za-z_][A-Za-z0-9_-]*)\.([A-Za-z_][A-Za-z0-9_-]*)(?:\[("(?:[^"\\]|\\.)*"|\d+)\])?$/;

/** Parses an instance address; an address it cannot read is kept whole as the resource part. */
export function parseResourceAddress(address: string): AddressParts {
  let rest = address;
  const steps: string[] = [];
  for (let m = MODULE_STEP.exec(rest); m !== null; m = MODULE_STEP.exec(rest)) {
    steps.push(m[0].slice(0, -1));
    rest = rest.slice(m[0].length);
  }
  const r = RESOURCE.exec(rest);
  if (r === null) return { module: steps.join('.'), resource: rest, mode: 'managed', type: rest, name: '', key: null };
  const rawKey = r[4];
  const key = rawKey === undefined ? null : rawKey.startsWith('"') ? String(JSON.parse(rawKey)) : Number(rawKey);
  return { module: steps.join('.'), resource: rest, mode: r[1] === undefined ? 'managed' : 'data', type: r[2] ?? '', name: r[3] ?? '', key };
}

/** The module path's cumulative prefixes: `module.a.module.b` → [`module.a`, `module.a.module.b`]. */
export function modulePrefixes(module: string): string[] {
  const out: string[] = [];
  let rest = module === '' ? '' : module + '.';
  let acc = '';
  for (let m = MODULE_STEP.exec(rest); m !== null; m = MODULE_STEP.exec(rest)) {
    acc = acc === '' ? m[0].slice(0, -1) : `${acc}.${m[0].slice(0, -1)}`;
    out.push(acc);
    rest = rest.slice(m[0].length);
  }
  return out;
}

/** The provider source inside a provider config address: `provider["registry.terraform.io/x/y"].alias` → `registry.terraform.io/x/y`. */
export function providerName(providerConfig: string): string {
  const m = /provider\["([^"]+)"\]/.exec(providerConfig);
  return m?.[1] ?? providerConfig;
}
