/**
 * An EvalScope backed by plain data, for callers that already hold every value (tests, console
 * tools, `terraform console`-style evaluation). Values listed in `sensitive` are marked.
 */
import { referenceText } from './traverse.js';
import type { EvalScope, Reference } from './types.js';
import type { MarkedValue, Value } from './value.js';

/** Values keyed by kind: `var`, `local`, `module` and `each`/`count`/`path`/`self`/`terraform` by name; resources as `TYPE.NAME`, data as `TYPE.NAME`. */
export interface StaticScopeData {
  readonly var?: { readonly [name: string]: Value };
  readonly local?: { readonly [name: string]: Value };
  readonly module?: { readonly [name: string]: Value };
  readonly resource?: { readonly [typeDotName: string]: Value };
  readonly data?: { readonly [typeDotName: string]: Value };
  readonly each?: Value;
  readonly count?: Value;
  readonly path?: Value;
  readonly self?: Value;
  readonly terraform?: Value;
  /** References (as `referenceText` writes them, e.g. `var.password`) whose values are sensitive. */
  readonly sensitive?: readonly string[];
}

function has<T>(o: { readonly [k: string]: T } | undefined, k: string): o is { readonly [k: string]: T } {
  return o !== undefined && Object.prototype.hasOwnProperty.call(o, k);
}

/** Builds a scope over `data`. */
export function staticScope(data: StaticScopeData): EvalScope {
  const sensitive = new Set(data.sensitive ?? []);
  const found = (ref: Reference, v: Value): MarkedValue => ({ value: v, sensitive: sensitive.has(referenceText(ref)) });
  return {
    lookup(ref) {
      switch (ref.kind) {
        case 'var': case 'local': case 'module': {
          const table = data[ref.kind];
          return has(table, ref.name) ? found(ref, table[ref.name] ?? null) : undefined;
        }
        case 'resource': case 'data': {
          const table = data[ref.kind];
          const key = `${ref.type}.${ref.name}`;
          return has(table, key) ? found(ref, table[key] ?? null) : undefined;
        }
        default: {
          const v = data[ref.kind];
          return v === undefined ? undefined : found(ref, v);
        }
      }
    },
  };
}
