/**
 * Schema building blocks shared by the resource files: `{ id = ... }` blocks (Terraform's
 * single-element lists, modelled as nesting 'single' with maxItems 1), the sensitive
 * `credentials` block, and short attribute constructors.
 */
import { T } from '../../lang/index.js';
import type { Type } from '../../lang/index.js';
import type { Value } from '../../lang/index.js';
import type { AttributeSchema, ChangeBehaviour, NestedBlockSchema } from '../../provider/index.js';

/** In-place update. */
export const UPDATE: ChangeBehaviour = { kind: 'update' };
/** Replacement (ForceNew). */
export const REPLACE: ChangeBehaviour = { kind: 'replace' };
/** Written to state only. */
export const STATE_ONLY: ChangeBehaviour = { kind: 'state-only' };

/** A rejection at plan with the reason shown to the user. */
export function reject(reason: string): ChangeBehaviour {
  return { kind: 'reject', reason };
}

/** Validator: the string must match `re`; the message names the rule. */
export function matches(re: RegExp, rule: string): (v: Value) => string | undefined {
  return (v) => (typeof v === 'string' && !re.test(v) ? `must ${rule} (got "${v}")` : undefined);
}

/** Validator: a non-empty string. */
export function notEmpty(v: Value): string | undefined {
  return v === '' ? 'must not be empty' : undefined;
}

/** Validator: one of the listed strings. */
export function oneOf(values: readonly string[]): (v: Value) => string | undefined {
  return (v) => (typeof v === 'string' && !values.includes(v) ? `expected one of ${values.join(', ')} (got "${v}")` : undefined);
}

/** Required argument. */
export function required(type: Type, onChange: ChangeBehaviour = UPDATE, extra: Partial<AttributeSchema> = {}): AttributeSchema {
  return { type, required: true, onChange, ...extra };
}

/** Optional argument. */
export function optional(type: Type, onChange: ChangeBehaviour = UPDATE, extra: Partial<AttributeSchema> = {}): AttributeSchema {
  return { type, optional: true, onChange, ...extra };
}

/** Optional argument the server fills when unset ("Opt+Comp"). */
export function optionalComputed(type: Type, onChange: ChangeBehaviour = UPDATE, extra: Partial<AttributeSchema> = {}): AttributeSchema {
  return { type, optional: true, computed: true, onChange, ...extra };
}

/** Attribute set only by the provider. */
export function computed(type: Type, extra: Partial<AttributeSchema> = {}): AttributeSchema {
  return { type, computed: true, ...extra };
}

/** A `name { id = "..." }` block. */
export function idBlock(opts: { required?: boolean; computed?: boolean; onChange?: ChangeBehaviour; pattern?: RegExp; rule?: string } = {}): NestedBlockSchema {
  const id: AttributeSchema = opts.pattern !== undefined
    ? { type: T.string, required: true, validate: matches(opts.pattern, opts.rule ?? `match ${String(opts.pattern)}`) }
    : { type: T.string, required: true, validate: notEmpty };
  const b: { -readonly [K in keyof NestedBlockSchema]: NestedBlockSchema[K] } = {
    nesting: 'single', maxItems: 1, block: { attributes: { id } }, onChange: opts.onChange ?? REPLACE,
  };
  if (opts.required === true) { b.required = true; b.minItems = 1; }
  if (opts.computed === true) b.computed = true;
  return b;
}

/** The sensitive `credentials { key, secret }` block of data-plane resources. */
export function credentialsBlock(onChange: ChangeBehaviour = STATE_ONLY): NestedBlockSchema {
  return {
    nesting: 'single', maxItems: 1, sensitive: true, onChange,
    block: {
      attributes: {
        key: { type: T.string, required: true, sensitive: true, validate: notEmpty },
        secret: { type: T.string, required: true, sensitive: true, validate: notEmpty },
      },
    },
  };
}

/** The `rest_endpoint` argument of data-plane resources. */
export function restEndpoint(onChange: ChangeBehaviour): AttributeSchema {
  return { type: T.string, optional: true, onChange, validate: matches(/^http/, 'start with http') };
}

export { T };
