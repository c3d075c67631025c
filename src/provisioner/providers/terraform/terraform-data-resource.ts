/**
 * `terraform_data`: stores `input` and echoes it as `output` after apply; `triggers_replace`
 * forces replacement. Both are of any type. Import id: the object's id (input stays null).
 */
import { T } from '../../lang/index.js';
import { UNKNOWN, valuesEqual } from '../../lang/index.js';
import { knownOrNull } from '../attribute-values.js';
import type { BuiltinResource } from '../types.js';

/** The terraform_data resource. */
export const terraformDataResource: BuiltinResource = {
  schema: {
    importId: '<id>',
    attributes: {
      id: { type: T.string, computed: true, description: 'A UUID set at create.' },
      input: { type: T.any, optional: true, description: 'A value to store; reflected in output after apply.' },
      output: { type: T.any, computed: true, description: 'The input as of the last apply.' },
      triggers_replace: { type: T.any, optional: true, onChange: { kind: 'replace' }, description: 'A value whose change forces replacement.' },
    },
  },
  adjustPlan(draft, req) {
    // Output is known only after apply whenever input is new or changed, as in Terraform.
    if (req.prior === null || !valuesEqual(req.prior['input'] ?? null, draft['input'] ?? null)) draft['output'] = UNKNOWN;
  },
  async create(planned, _ctx, svc) {
    return { ...planned, id: svc.ids.uuid(), output: knownOrNull(planned['input']) };
  },
  async update(prior, planned) {
    return { ...planned, id: prior['id'] ?? null, output: knownOrNull(planned['input']) };
  },
  async import(id) {
    return { id, input: null, output: null, triggers_replace: null };
  },
};
