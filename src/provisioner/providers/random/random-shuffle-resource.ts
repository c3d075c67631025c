/**
 * `random_shuffle`: a random permutation of `input`. With `result_count` larger than the input,
 * further permutations are appended (no item repeats more often than the input is long); with a
 * `seed` the result is deterministic. The id is the constant "-".
 */
import { T } from '../../lang/index.js';
import type { Value } from '../../lang/index.js';
import { readNumber, readString } from '../attribute-values.js';
import type { BuiltinResource } from '../types.js';
import { keepersAttribute, replaceArg } from './keepers-attribute.js';
import { shuffled } from './random-source.js';
import { seededIdSource } from './seeded-prng.js';

/** The random_shuffle resource. */
export const randomShuffleResource: BuiltinResource = {
  schema: {
    attributes: {
      id: { type: T.string, computed: true, description: 'Always "-".' },
      keepers: keepersAttribute,
      input: replaceArg({ type: T.list(T.string), required: true, description: 'The strings to shuffle.' }),
      seed: replaceArg({ type: T.string, optional: true, description: 'Makes the permutation deterministic.' }),
      result_count: replaceArg({ type: T.number, optional: true, validate: nonNegativeInteger, description: 'Number of results; defaults to the input length.' }),
      result: { type: T.list(T.string), computed: true, description: 'The permutation.' },
    },
  },
  async create(planned, _ctx, svc) {
    const inputValue = planned['input'];
    const input: readonly Value[] = Array.isArray(inputValue) ? inputValue : [];
    const seed = readString(planned, 'seed');
    const ids = seed === undefined || seed === '' ? svc.ids : seededIdSource(seed);
    const count = readNumber(planned, 'result_count') || input.length;
    const result: Value[] = [];
    while (input.length > 0 && result.length < count) {
      for (const item of shuffled(ids, input)) {
        if (result.length >= count) break;
        result.push(item);
      }
    }
    return { ...planned, id: '-', result };
  },
};

function nonNegativeInteger(v: unknown): string | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? undefined : 'must be a whole number of at least 0';
}
