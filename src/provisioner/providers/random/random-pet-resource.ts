/**
 * `random_pet`: a readable random name such as `proudly-regal-otter`. Words are chosen as the real
 * provider does: one name; with length 2 an adjective before it; each further word an adverb.
 */
import { T } from '../../lang/index.js';
import { readNumber, readString } from '../attribute-values.js';
import type { BuiltinResource } from '../types.js';
import { keepersAttribute, replaceArg } from './keepers-attribute.js';
import { PET_ADJECTIVES, PET_ADVERBS, PET_NAMES } from './pet-words.js';
import { pick } from './random-source.js';

/** The random_pet resource. */
export const randomPetResource: BuiltinResource = {
  schema: {
    attributes: {
      id: { type: T.string, computed: true, description: 'The generated pet name.' },
      keepers: keepersAttribute,
      length: replaceArg({ type: T.number, optional: true, default: 2, validate: positiveInteger, description: 'Number of words in the name.' }),
      prefix: replaceArg({ type: T.string, optional: true, description: 'A word put before the name.' }),
      separator: replaceArg({ type: T.string, optional: true, default: '-', description: 'The character between words.' }),
    },
  },
  async create(planned, _ctx, svc) {
    const length = readNumber(planned, 'length') ?? 2;
    const separator = readString(planned, 'separator') ?? '-';
    const prefix = readString(planned, 'prefix');
    const words: string[] = [];
    for (let i = 0; i < length - 2; i++) words.push(pick(svc.ids, PET_ADVERBS));
    if (length >= 2) words.push(pick(svc.ids, PET_ADJECTIVES));
    words.push(pick(svc.ids, PET_NAMES));
    if (prefix !== undefined) words.unshift(prefix);
    return { ...planned, id: words.join(separator) };
  },
};

function positiveInteger(v: unknown): string | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? undefined : 'must be a whole number of at least 1';
}
