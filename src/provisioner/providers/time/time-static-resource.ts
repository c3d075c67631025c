/**
 * `time_static`: a timestamp taken once at create (or given as `rfc3339`) and kept in state, with
 * its parts as numbers. `rfc3339` and `triggers` force replacement. Import id: an RFC 3339 time.
 */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import { T } from '../../lang/index.js';
import { readString } from '../attribute-values.js';
import type { BuiltinResource } from '../types.js';
import { formatTimestamp, parseRfc3339, timestampPartAttributes, timestampParts, utcTimestamp, validateRfc3339 } from './rfc3339.js';

/** The time_static resource. */
export const timeStaticResource: BuiltinResource = {
  schema: {
    importId: '<rfc3339>',
    attributes: {
      id: { type: T.string, computed: true, description: 'The RFC 3339 timestamp.' },
      rfc3339: { type: T.string, optional: true, computed: true, validate: validateRfc3339, onChange: { kind: 'replace' }, description: 'The timestamp; defaults to the time of create.' },
      triggers: { type: T.map(T.string), optional: true, onChange: { kind: 'replace' }, description: 'Values whose change forces replacement.' },
      ...timestampPartAttributes,
    },
  },
  adjustPlan(draft, req) {
    // A configured time is known at plan, so its parts are too (creates only).
    const configured = readString(req.config, 'rfc3339');
    const t = configured === undefined ? undefined : parseRfc3339(configured);
    if (req.prior === null && configured !== undefined && t !== undefined) Object.assign(draft, timestampParts(t), { id: configured });
  },
  async create(planned, ctx) {
    const configured = readString(planned, 'rfc3339');
    const t = (configured === undefined ? undefined : parseRfc3339(configured)) ?? utcTimestamp(ctx.now());
    const rfc3339 = configured ?? formatTimestamp(t);
    return { ...planned, id: rfc3339, rfc3339, ...timestampParts(t) };
  },
  async import(id) {
    const t = parseRfc3339(id);
    if (t === undefined) {
      throw new DiagnosticsError([errorDiag('time-import-invalid-id', `Invalid time_static import id ${JSON.stringify(id)}`, { detail: 'Expected an RFC 3339 timestamp such as "2026-01-02T15:04:05Z".' })]);
    }
    return { id, rfc3339: id, triggers: {}, ...timestampParts(t) };
  },
};
