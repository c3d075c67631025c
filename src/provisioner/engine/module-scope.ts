/**
 * The evaluation scope of one module instance: values of variables, locals, resources, data
 * sources and child modules as the walk produces them, plus `each`/`count` overlays.
 */
import type { EvalScope, Reference } from '../lang/index.js';
import type { MarkedValue, Value } from '../lang/index.js';

export class ModuleScope implements EvalScope {
  readonly vars = new Map<string, MarkedValue>();
  readonly locals = new Map<string, MarkedValue>();
  readonly resources = new Map<string, MarkedValue>();
  readonly data = new Map<string, MarkedValue>();
  readonly modules = new Map<string, MarkedValue>();
  /** Sensitive attribute paths per resource (`T.N`) or data source (`data.T.N`). */
  readonly sensitive = new Map<string, readonly (readonly (string | number)[])[]>();
  /** Names declared in config (a declared-but-not-yet-known name is a bug, an undeclared one a user error). */
  readonly declared: { vars: Set<string>; locals: Set<string>; resources: Set<string>; data: Set<string>; modules: Set<string> };
  readonly #path: Value;

  constructor(path: { module: string; root: string; cwd: string }, declared: ModuleScope['declared']) {
    this.#path = path;
    this.declared = declared;
  }

  lookup(ref: Reference): MarkedValue | undefined {
    switch (ref.kind) {
      case 'var': return this.vars.get(ref.name) ?? (this.declared.vars.has(ref.name) ? unknownMarked : undefined);
      case 'local': return this.locals.get(ref.name) ?? (this.declared.locals.has(ref.name) ? unknownMarked : undefined);
      case 'module': return this.modules.get(ref.name) ?? (this.declared.modules.has(ref.name) ? unknownMarked : undefined);
      case 'resource': return this.resources.get(`${ref.type}.${ref.name}`) ?? (this.declared.resources.has(`${ref.type}.${ref.name}`) ? unknownMarked : undefined);
      case 'data': return this.data.get(`${ref.type}.${ref.name}`) ?? (this.declared.data.has(`${ref.type}.${ref.name}`) ? unknownMarked : undefined);
      case 'path': return { value: this.#path, sensitive: false };
      case 'terraform': return { value: { workspace: 'default' }, sensitive: false };
      case 'each': case 'count': case 'self': return undefined;
    }
  }

  sensitivePaths(ref: Reference): readonly (readonly (string | number)[])[] | undefined {
    if (ref.kind === 'resource') return this.sensitive.get(`${ref.type}.${ref.name}`);
    if (ref.kind === 'data') return this.sensitive.get(`data.${ref.type}.${ref.name}`);
    return undefined;
  }

  /** A view with `count.index`, `each.key`/`each.value` or `self` set. */
  with(extra: { count?: number; each?: { key: Value; value: MarkedValue }; self?: MarkedValue }): EvalScope {
    const outer = this;
    return {
      sensitivePaths: (ref: Reference) => outer.sensitivePaths(ref),
      lookup(ref: Reference): MarkedValue | undefined {
        if (ref.kind === 'count' && extra.count !== undefined) return { value: { index: extra.count }, sensitive: false };
        if (ref.kind === 'each' && extra.each) {
          const v = extra.each.value;
          const value = { key: extra.each.key, value: v.value };
          return v.paths ? markPaths(value, v.paths.map((p) => ['value', ...p])) : { value, sensitive: v.sensitive };
        }
        if (ref.kind === 'self' && extra.self) return extra.self;
        return outer.lookup(ref);
      },
    };
  }
}

import { markPaths, UNKNOWN } from '../lang/index.js';
const unknownMarked: MarkedValue = { value: UNKNOWN, sensitive: false };
