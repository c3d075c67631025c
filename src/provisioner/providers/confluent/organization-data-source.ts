/** Data source `confluent_organization`: the caller's organization from `GET /org/v2/organizations`. */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import { jstr } from './json-access.js';
import { listAll } from './lookup.js';
import { T, computed } from './schema-blocks.js';
import { controlPlane } from './targets.js';
import type { ConfluentDataSource } from './types.js';

/** The `confluent_organization` data source. */
export const organizationDataSource: ConfluentDataSource = {
  schema: { attributes: { id: computed(T.string), resource_name: computed(T.string) } },
  async read(_config, rc) {
    const orgs = await listAll(rc, controlPlane(rc), '/org/v2/organizations', {});
    const id = jstr(orgs[0], 'id');
    if (orgs.length !== 1 || id === undefined) {
      throw new DiagnosticsError([errorDiag('confluent-not-found', `Expected exactly one organization for these credentials, found ${orgs.length}`)]);
    }
    return { id, resource_name: jstr(orgs[0], 'metadata.resource_name') ?? `crn://confluent.cloud/organization=${id}` };
  },
};
