/**
 * `random_id`: random bytes shown in several encodings, safe for use in resource names.
 * `id` is the base64url text without the prefix; every other encoding carries the prefix.
 * Import id: `<b64_url>` or `<prefix>,<b64_url>` (split at the last comma).
 */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import { T } from '../../lang/index.js';
import type { ObjectValue } from '../../lang/index.js';
import { readString, requireNumber } from '../attribute-values.js';
import type { BuiltinResource } from '../types.js';
import { keepersAttribute, replaceArg } from './keepers-attribute.js';

const computedString = { type: T.string, computed: true } as const;

/** The random_id resource. */
export const randomIdResource: BuiltinResource = {
  schema: {
    description: 'Random bytes encoded as base64url, base64, hex and decimal.',
    importId: '<b64_url> or <prefix>,<b64_url>',
    attributes: {
      id: { ...computedString, description: 'The random bytes as base64url without padding and without the prefix.' },
      keepers: keepersAttribute,
      byte_length: replaceArg({ type: T.number, required: true, validate: positiveInteger, description: 'Number of random bytes; at least 1.' }),
      prefix: replaceArg({ type: T.string, optional: true, description: 'Prepended to every encoding.' }),
      b64_url: computedString,
      b64_std: computedString,
      hex: computedString,
      dec: computedString,
    },
  },
  async create(planned, _ctx, svc) {
    const bytes = svc.ids.bytes(requireNumber(planned, 'byte_length'));
    return { ...planned, ...encodings(Buffer.from(bytes), readString(planned, 'prefix') ?? '') };
  },
  async import(id) {
    const comma = id.lastIndexOf(',');
    const prefix = comma >= 0 ? id.slice(0, comma) : '';
    const b64 = comma >= 0 ? id.slice(comma + 1) : id;
    const bytes = Buffer.from(b64, 'base64url');
    if (!/^[A-Za-z0-9_-]+$/.test(b64) || bytes.toString('base64url') !== b64) {
      throw new DiagnosticsError([errorDiag('random-import-invalid-id', `Invalid random_id import id ${JSON.stringify(id)}`, { detail: 'Expected the b64_url value, optionally preceded by "<prefix>,".' })]);
    }
    return { keepers: null, byte_length: bytes.length, prefix: prefix === '' ? null : prefix, ...encodings(bytes, prefix) };
  },
};

function encodings(bytes: Buffer, prefix: string): ObjectValue {
  const raw = bytes.toString('base64url');
  const dec = bytes.length === 0 ? '0' : BigInt(`0x${bytes.toString('hex')}`).toString(10);
  return {
    id: raw,
    b64_url: prefix + raw,
    b64_std: prefix + bytes.toString('base64'),
    hex: prefix + bytes.toString('hex'),
    dec: prefix + dec,
  };
}

function positiveInteger(v: unknown): string | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? undefined : 'must be a whole number of at least 1';
}
