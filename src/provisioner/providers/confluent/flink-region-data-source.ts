/** Data source `confluent_flink_region`: `GET /fcpm/v2/regions?cloud=&region_name=`; exactly one must match. */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import { requireStr } from './attribute-access.js';
import { jstr } from './json-access.js';
import { listAll } from './lookup.js';
import { T, computed, oneOf, required } from './schema-blocks.js';
import { controlPlane } from './targets.js';
import type { ConfluentDataSource } from './types.js';

/** The `confluent_flink_region` data source. */
export const flinkRegionDataSource: ConfluentDataSource = {
  schema: {
    attributes: {
      cloud: required(T.string, { kind: 'update' }, { validate: oneOf(['AWS', 'AZURE', 'GCP']) }),
      region: required(T.string),
      id: computed(T.string), rest_endpoint: computed(T.string), private_rest_endpoint: computed(T.string),
      api_version: computed(T.string), kind: computed(T.string),
    },
  },
  async read(config, rc) {
    const cloud = requireStr(config, 'cloud'), region = requireStr(config, 'region');
    const items = await listAll(rc, controlPlane(rc), '/fcpm/v2/regions', { cloud, region_name: region });
    const hits = items.filter((i) => (jstr(i, 'cloud') ?? '').toUpperCase() === cloud.toUpperCase() && jstr(i, 'region_name') === region);
    const hit = hits[0];
    if (hits.length !== 1 || hit === undefined) {
      throw new DiagnosticsError([errorDiag('confluent-not-found', `${hits.length === 0 ? 'No' : hits.length} Flink regions match cloud ${cloud} and region ${region}`)]);
    }
    return {
      cloud, region, id: jstr(hit, 'id') ?? `${cloud.toLowerCase()}.${region}`,
      rest_endpoint: jstr(hit, 'http_endpoint') ?? null, private_rest_endpoint: jstr(hit, 'private_http_endpoint') ?? null,
      api_version: jstr(hit, 'api_version') ?? 'fcpm/v2', kind: jstr(hit, 'kind') ?? 'Region',
    };
  },
};
