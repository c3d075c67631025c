/**
 * `keepers`: arbitrary map of values that, when changed, force a new random value. Shared by every
 * random resource (and the same idea as null_resource `triggers`).
 */
import type { AttributeSchema } from '../../provider/index.js';
import { T } from '../../lang/index.js';
import { isObjectValue, valuesEqual } from '../../lang/index.js';
import type { Value } from '../../lang/index.js';

/**
 * Keepers as upstream compares them: a null map equals an empty one and entries with null values
 * do not count, so only a real change of a kept value forces replacement.
 */
function keptValues(v: Value): Value {
  if (!isObjectValue(v)) return v === null ? {} : v;
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null));
}

/** The keepers attribute: map(string), optional, forces replacement when a kept value changes. */
export const keepersAttribute: AttributeSchema = {
  type: T.map(T.string),
  optional: true,
  onChange: { kind: 'replace-if', when: (prior, planned) => !valuesEqual(keptValues(prior), keptValues(planned)), reason: 'a keeper changed' },
  description: 'Arbitrary map of values that, when changed, will trigger recreation of the resource.',
};

/** An attribute that is optional and forces replacement when changed. */
export function replaceArg(attr: Omit<AttributeSchema, 'onChange'>): AttributeSchema {
  return { ...attr, onChange: { kind: 'replace' } };
}
