/**
 * `random_string` and `random_password`: the same rules and schema; the password's `result` is
 * sensitive, its `id` is the constant "none" and it also carries a `bcrypt_hash`.
 * `number` is the deprecated spelling of `numeric`; the plan keeps the two equal.
 */
import { errorDiag } from '../../../shared/index.js';
import type { Diagnostic } from '../../../shared/index.js';
import type { AttributeSchema, ResourceSchema } from '../../provider/index.js';
import { T } from '../../lang/index.js';
import type { ObjectValue } from '../../lang/index.js';
import { readBool, readNumber, readString, requireNumber } from '../attribute-values.js';
import type { AttributeDraft, BuiltinResource } from '../types.js';
import { bcryptHash } from './bcrypt-hash.js';
import { keepersAttribute, replaceArg } from './keepers-attribute.js';
import { generatePassword } from './password-generator.js';
import type { PasswordRules } from './password-generator.js';

const MIN_NAMES = ['min_upper', 'min_lower', 'min_numeric', 'min_special'] as const;

function flag(description: string): AttributeSchema {
  return replaceArg({ type: T.bool, optional: true, default: true, description });
}
function minimum(description: string): AttributeSchema {
  return replaceArg({ type: T.number, optional: true, default: 0, validate: nonNegativeInteger, description });
}

function stringSchema(sensitive: boolean): ResourceSchema {
  return {
    importId: '<result>',
    attributes: {
      id: { type: T.string, computed: true, description: sensitive ? 'Always "none".' : 'The generated string.' },
      keepers: keepersAttribute,
      length: replaceArg({ type: T.number, required: true, validate: positiveInteger, description: 'Length of the string; at least 1 and at least the sum of the min_* values.' }),
      special: flag('Include special characters.'),
      upper: flag('Include uppercase letters.'),
      lower: flag('Include lowercase letters.'),
      numeric: replaceArg({ type: T.bool, optional: true, computed: true, description: 'Include digits (default true).' }),
      number: replaceArg({ type: T.bool, optional: true, computed: true, deprecated: 'Use numeric instead.', description: 'Deprecated alias of numeric.' }),
      min_upper: minimum('Minimum number of uppercase letters.'),
      min_lower: minimum('Minimum number of lowercase letters.'),
      min_numeric: minimum('Minimum number of digits.'),
      min_special: minimum('Minimum number of special characters.'),
      override_special: replaceArg({ type: T.string, optional: true, description: 'Special characters to use instead of the default set.' }),
      result: { type: T.string, computed: true, sensitive, description: 'The generated string.' },
      ...(sensitive ? { bcrypt_hash: { type: T.string, computed: true, sensitive: true, description: 'bcrypt hash of result.' } } : {}),
    },
  };
}

function validate(config: ObjectValue): readonly Diagnostic[] {
  const diags: Diagnostic[] = [];
  const length = readNumber(config, 'length');
  const mins = MIN_NAMES.map((n) => readNumber(config, n) ?? 0);
  const sum = mins.reduce((a, b) => a + b, 0);
  if (length !== undefined && MIN_NAMES.every((n) => config[n] === null || typeof config[n] === 'number') && length < sum) {
    diags.push(errorDiag('random-length-below-minimums', `length (${length}) must be at least the sum of min_upper, min_lower, min_numeric and min_special (${sum})`));
  }
  const numeric = readBool(config, 'numeric'), number = readBool(config, 'number');
  if (numeric !== undefined && number !== undefined && numeric !== number) {
    diags.push(errorDiag('random-number-numeric-conflict', 'number and numeric must have the same value', { detail: 'number is deprecated; set only numeric.' }));
  }
  const flags = ['special', 'upper', 'lower'].map((n) => readBool(config, n));
  if (flags.every((f) => f === false) && (numeric ?? number) === false && length !== undefined && length > sum) {
    diags.push(errorDiag('random-no-characters', 'at least one of special, upper, lower or numeric must be true'));
  }
  return diags;
}

/** numeric = number = whichever is configured (unknown stays unknown), else true. */
function adjustPlan(draft: AttributeDraft, req: { readonly config: ObjectValue }): void {
  const numeric = req.config['numeric'] ?? null, number = req.config['number'] ?? null;
  const chosen = numeric !== null ? numeric : number;
  const value = chosen === null ? true : chosen;
  draft['numeric'] = value;
  draft['number'] = value;
}

function rulesOf(planned: ObjectValue): PasswordRules {
  const overrideSpecial = readString(planned, 'override_special');
  const numeric = readBool(planned, 'numeric') ?? readBool(planned, 'number') ?? true;
  return {
    length: requireNumber(planned, 'length'),
    upper: readBool(planned, 'upper') ?? true,
    lower: readBool(planned, 'lower') ?? true,
    numeric,
    special: readBool(planned, 'special') ?? true,
    minUpper: readNumber(planned, 'min_upper') ?? 0,
    minLower: readNumber(planned, 'min_lower') ?? 0,
    minNumeric: readNumber(planned, 'min_numeric') ?? 0,
    minSpecial: readNumber(planned, 'min_special') ?? 0,
    ...(overrideSpecial !== undefined ? { overrideSpecial } : {}),
  };
}

/** State written on import: the given string with the provider's defaults. */
function importedState(result: string): ObjectValue {
  return {
    keepers: null, length: [...result].length, special: true, upper: true, lower: true, numeric: true, number: true,
    min_upper: 0, min_lower: 0, min_numeric: 0, min_special: 0, override_special: null, result,
  };
}

/** The random_string resource. */
export const randomStringResource: BuiltinResource = {
  schema: stringSchema(false),
  validate,
  adjustPlan,
  async create(planned, _ctx, svc) {
    const result = generatePassword(svc.ids, rulesOf(planned));
    return { ...planned, numeric: rulesOf(planned).numeric, number: rulesOf(planned).numeric, result, id: result };
  },
  async import(id) {
    return { ...importedState(id), id };
  },
};

/** The random_password resource. */
export const randomPasswordResource: BuiltinResource = {
  schema: stringSchema(true),
  validate,
  adjustPlan,
  async create(planned, _ctx, svc) {
    const rules = rulesOf(planned);
    const result = generatePassword(svc.ids, rules);
    return { ...planned, numeric: rules.numeric, number: rules.numeric, result, id: 'none', bcrypt_hash: bcryptHash(result, svc.ids) };
  },
  async import(id, _ctx, svc) {
    return { ...importedState(id), id: 'none', bcrypt_hash: bcryptHash(id, svc.ids) };
  },
};

function positiveInteger(v: unknown): string | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? undefined : 'must be a whole number of at least 1';
}

function nonNegativeInteger(v: unknown): string | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? undefined : 'must be a whole number of at least 0';
}
