/**
 * The small part of address syntax the state store needs on its own: splitting a resource instance
 * address into module path, mode, type, name and index key (for `state mv` and for importing
 * Terraform state files), and formatting it back. Kept here so state depends on nothing but lang.
 */

/** The parts of a resource instance address. */
export interface InstanceAddressParts {
  readonly module: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly indexKey?: number | string;
}

interface Step { readonly name: string; readonly key?: number | string }

/** Formats an index key as it appears in an address: `[0]` or `["a"]`. */
export function formatIndexKey(key: number | string | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

/** Formats the parts back into an instance address. */
export function formatInstanceAddress(p: InstanceAddressParts): string {
  const prefix = p.module === '' ? '' : `${p.module}.`;
  const mode = p.mode === 'data' ? 'data.' : '';
  return `${prefix}${mode}${p.type}.${p.name}${formatIndexKey(p.indexKey)}`;
}

/** Splits an address into dot-separated steps with optional index keys; undefined when malformed. */
function steps(address: string): Step[] | undefined {
  const out: Step[] = [];
  let i = 0;
  const ident = /^[A-Za-z_][A-Za-z0-9_-]*/;
  while (i <= address.length) {
    const m = ident.exec(address.slice(i));
    if (m === null) return undefined;
    const name = m[0];
    i += name.length;
    let key: number | string | undefined;
    if (address[i] === '[') {
      const close = findClose(address, i);
      if (close === undefined) return undefined;
      const raw = address.slice(i + 1, close);
      if (/^\d+$/.test(raw)) key = Number(raw);
      else {
        try {
          const parsed: unknown = JSON.parse(raw);
          if (typeof parsed !== 'string') return undefined;
          key = parsed;
        } catch {
          return undefined;
        }
      }
      i = close + 1;
    }
    out.push(key === undefined ? { name } : { name, key });
    if (i === address.length) return out;
    if (address[i] !== '.') return undefined;
    i += 1;
  }
  return undefined;
}

/** Index of the `]` closing the bracket at `open`, skipping over a quoted string key. */
function findClose(s: string, open: number): number | undefined {
  let i = open + 1;
  if (s[i] === '"') {
    i += 1;
    while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
    i += 1;
  }
  while (i < s.length && s[i] !== ']') i += 1;
  return i < s.length ? i : undefined;
}

/** Parses a resource instance (or resource) address; undefined when it is not one. */
export function parseInstanceAddress(address: string): InstanceAddressParts | undefined {
  const st = steps(address);
  if (st === undefined) return undefined;
  const modules: string[] = [];
  let i = 0;
  while (i < st.length && st[i]?.name === 'module' && st[i]?.key === undefined) {
    const m = st[i + 1];
    if (m === undefined) return undefined;
    modules.push(`module.${m.name}${formatIndexKey(m.key)}`);
    i += 2;
  }
  let mode: 'managed' | 'data' = 'managed';
  if (st[i]?.name === 'data' && st[i]?.key === undefined) { mode = 'data'; i += 1; }
  const type = st[i];
  const name = st[i + 1];
  if (type === undefined || name === undefined || type.key !== undefined || i + 2 !== st.length) return undefined;
  const base = { module: modules.join('.'), mode, type: type.name, name: name.name };
  return name.key === undefined ? base : { ...base, indexKey: name.key };
}

/** Parses a module path such as `module.a["x"].module.b`; undefined when it is not one. */
export function parseModulePath(address: string): string | undefined {
  const st = steps(address);
  if (st === undefined || st.length % 2 !== 0) return undefined;
  for (let i = 0; i < st.length; i += 2) {
    if (st[i]?.name !== 'module' || st[i]?.key !== undefined) return undefined;
  }
  return address;
}
