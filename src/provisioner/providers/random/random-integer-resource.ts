/**
 * `random_integer`: an integer in [min, max]. With `seed` the result is deterministic (same seed,
 * min and max give the same result). Import id: `<result>,<min>,<max>[,<seed>]`.
 */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import type { Diagnostic } from '../../../shared/index.js';
import { T } from '../../lang/index.js';
import type { ObjectValue } from '../../lang/index.js';
import { readNumber, readString, requireNumber } from '../attribute-values.js';
import type { BuiltinResource } from '../types.js';
import { keepersAttribute, replaceArg } from './keepers-attribute.js';
import { uniformBetween } from './random-source.js';
import { seededBetween, seededPrng } from './seeded-prng.js';

/** The random_integer resource. */
export const randomIntegerResource: BuiltinResource = {
  schema: {
    importId: '<result>,<min>,<max>[,<seed>]',
    attributes: {
      id: { type: T.string, computed: true, description: 'The result as a string.' },
      keepers: keepersAttribute,
      min: replaceArg({ type: T.number, required: true, validate: safeInteger, description: 'Minimum, inclusive.' }),
      max: replaceArg({ type: T.number, required: true, validate: safeInteger, description: 'Maximum, inclusive.' }),
      seed: replaceArg({ type: T.string, optional: true, description: 'Makes the result deterministic.' }),
      result: { type: T.number, computed: true, description: 'The random integer.' },
    },
  },
  validate(config: ObjectValue): readonly Diagnostic[] {
    const min = readNumber(config, 'min'), max = readNumber(config, 'max');
    if (min !== undefined && max !== undefined && min > max) {
      return [errorDiag('random-min-above-max', 'Minimum value needs to be smaller than or equal to maximum value', { detail: `min = ${min}, max = ${max}` })];
    }
    return [];
  },
  async create(planned, _ctx, svc) {
    const min = requireNumber(planned, 'min'), max = requireNumber(planned, 'max');
    const seed = readString(planned, 'seed');
    // An empty seed means no seed, as upstream.
    const result = seed === undefined || seed === '' ? uniformBetween(svc.ids, min, max) : seededBetween(seededPrng(seed), min, max);
    return { ...planned, seed: seed === '' ? null : planned['seed'] ?? null, result, id: String(result) };
  },
  async import(id) {
    const parts = id.split(',');
    const nums = parts.slice(0, 3).map((p) => (/^[-+]?\d+$/.test(p) ? Number(p) : NaN));
    const [result, min, max] = nums;
    if (parts.length < 3 || parts.length > 4 || result === undefined || min === undefined || max === undefined
      || !nums.every((n) => Number.isSafeInteger(n))) {
      throw new DiagnosticsError([errorDiag('random-import-invalid-id', `Invalid random_integer import id ${JSON.stringify(id)}`, {
        detail: 'Expected "<result>,<min>,<max>" or "<result>,<min>,<max>,<seed>" with whole numbers.',
      })]);
    }
    return { keepers: null, id: String(result), result, min, max, seed: parts[3] ?? null };
  },
};

function safeInteger(v: unknown): string | undefined {
  return typeof v === 'number' && Number.isSafeInteger(v) ? undefined : 'must be a whole number';
}
