/**
 * `null_resource`: does nothing but exist; `triggers` forces replacement. Its id is a random
 * non-negative 63-bit integer in decimal, as in the real provider.
 */
import type { IdSource } from '../../../shared/index.js';
import { T } from '../../lang/index.js';
import type { BuiltinResource } from '../types.js';

/** A random non-negative 63-bit integer as a decimal string. */
export function randomDecimalId(ids: IdSource): string {
  const hex = Buffer.from(ids.bytes(8)).toString('hex');
  return (BigInt(`0x${hex}`) & ((1n << 63n) - 1n)).toString(10);
}

/** The null_resource resource. */
export const nullResource: BuiltinResource = {
  schema: {
    attributes: {
      id: { type: T.string, computed: true, description: 'A random decimal number.' },
      triggers: { type: T.map(T.string), optional: true, onChange: { kind: 'replace' }, description: 'Values whose change forces replacement.' },
    },
  },
  async create(planned, _ctx, svc) {
    return { ...planned, id: randomDecimalId(svc.ids) };
  },
};
