/**
 * Terraform type constraints, as used by `variable { type = ... }` and by provider schemas.
 * A Type is immutable plain data tagged by `kind`.
 */
import type { MarkedValue } from './value.js';

export type Type =
  | { readonly kind: 'string' }
  | { readonly kind: 'number' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'any' }
  | { readonly kind: 'list'; readonly element: Type }
  | { readonly kind: 'set'; readonly element: Type }
  | { readonly kind: 'map'; readonly element: Type }
  | { readonly kind: 'tuple'; readonly elements: readonly Type[] }
  | {
      readonly kind: 'object';
      readonly attributes: { readonly [name: string]: Type };
      /** Attributes declared with optional(T[, default]); the default is a Value when given. */
      readonly optional?: { readonly [name: string]: { readonly default?: unknown } };
    };

export const T = {
  string: { kind: 'string' } as const satisfies Type,
  number: { kind: 'number' } as const satisfies Type,
  bool: { kind: 'bool' } as const satisfies Type,
  any: { kind: 'any' } as const satisfies Type,
  list: (element: Type): Type => ({ kind: 'list', element }),
  set: (element: Type): Type => ({ kind: 'set', element }),
  map: (element: Type): Type => ({ kind: 'map', element }),
  tuple: (elements: readonly Type[]): Type => ({ kind: 'tuple', elements }),
  object: (attributes: { readonly [name: string]: Type }): Type => ({ kind: 'object', attributes }),
};

/** Renders a type the way Terraform writes it: `list(string)`, `object({a=string})`. */
export function typeString(t: Type): string {
  switch (t.kind) {
    case 'string': case 'number': case 'bool': return t.kind;
    case 'any': return 'any';
    case 'list': case 'set': case 'map': return `${t.kind}(${typeString(t.element)})`;
    case 'tuple': return `tuple([${t.elements.map(typeString).join(', ')}])`;
    case 'object': return `object({${Object.keys(t.attributes).sort().map((k) => {
      const inner = typeString(t.attributes[k] ?? T.any);
      return `${k}=${t.optional?.[k] ? `optional(${inner})` : inner}`;
    }).join(', ')}})`;
  }
}

/** A reference from an expression to something in the configuration or the evaluation context. */
export type Reference =
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'local'; readonly name: string }
  | { readonly kind: 'module'; readonly name: string }
  | { readonly kind: 'resource'; readonly type: string; readonly name: string }
  | { readonly kind: 'data'; readonly type: string; readonly name: string }
  | { readonly kind: 'each' }
  | { readonly kind: 'count' }
  | { readonly kind: 'path' }
  | { readonly kind: 'self' }
  | { readonly kind: 'terraform' };

/** Supplies values for references; `undefined` means the reference is not declared. */
export interface EvalScope {
  lookup(ref: Reference): MarkedValue | undefined;
  /**
   * Attribute paths inside the referenced object that are sensitive (`['result']`,
   * `['*', 'secret']` for every instance of a counted resource). A traversal whose static steps
   * reach into, or contain, one of them yields a sensitive value — Terraform's per-attribute marks.
   */
  sensitivePaths?(ref: Reference): readonly (readonly (string | number)[])[] | undefined;
}

/** Ambient inputs for evaluation: the file (for diagnostics), the base directory for file functions, time and ids. */
export interface EvalContext {
  readonly file: string;
  readonly baseDir: string;
  readonly now: () => number;
  readonly uuid: () => string;
}
