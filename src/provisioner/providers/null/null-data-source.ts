/** `null_data_source` (deprecated upstream, kept for old configs): echoes `inputs` as `outputs`. */
import { T } from '../../lang/index.js';
import { readString } from '../attribute-values.js';
import type { BuiltinDataSource } from '../types.js';
import { randomDecimalId } from './null-resource.js';

/** The null_data_source data source. */
export const nullDataSource: BuiltinDataSource = {
  schema: {
    attributes: {
      id: { type: T.string, computed: true, description: 'Always "static".' },
      inputs: { type: T.map(T.string), optional: true, description: 'Values copied to outputs.' },
      outputs: { type: T.map(T.string), computed: true, description: 'A copy of inputs.' },
      random: { type: T.string, computed: true, description: 'A random value, new on every read.' },
      has_computed_default: { type: T.string, optional: true, computed: true, description: 'Config value, or "default".' },
    },
  },
  async read(config, _ctx, svc) {
    return {
      id: 'static',
      inputs: config['inputs'] ?? null,
      outputs: config['inputs'] ?? {},
      random: randomDecimalId(svc.ids),
      has_computed_default: readString(config, 'has_computed_default') ?? 'default',
    };
  },
};
