/** `random_uuid`: a random version 4 UUID. Import id: the UUID itself. */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import { T } from '../../lang/index.js';
import type { BuiltinResource } from '../types.js';
import { keepersAttribute } from './keepers-attribute.js';

const UUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** The random_uuid resource. */
export const randomUuidResource: BuiltinResource = {
  schema: {
    importId: '<uuid>',
    attributes: {
      id: { type: T.string, computed: true, description: 'The generated UUID.' },
      keepers: keepersAttribute,
      result: { type: T.string, computed: true, description: 'The generated UUID.' },
    },
  },
  async create(planned, _ctx, svc) {
    const result = svc.ids.uuid();
    return { ...planned, id: result, result };
  },
  async import(id) {
    if (!UUID_PATTERN.test(id)) {
      throw new DiagnosticsError([errorDiag('random-import-invalid-id', `Invalid random_uuid import id ${JSON.stringify(id)}`, { detail: 'Expected a UUID like aabbccdd-eeff-0011-2233-445566778899.' })]);
    }
    return { keepers: null, id, result: id };
  },
};
