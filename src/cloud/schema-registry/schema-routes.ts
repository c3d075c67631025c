/** Schemas by global id, the supported schema types, and the schema contexts in use. */
import type { Route } from '../http/index.js';
import type { SchemaRegistryStore } from './schema-registry-store.js';
import type { SchemaRegistryRouteOptions } from './route-support.js';
import { flag, idParam, json, param, rawText, schemaBody, srRoute } from './route-support.js';
import { SCHEMA_TYPES } from './types.js';

/** Routes under `/sr/:sr_id/schemas`. */
export function schemaRoutes(store: SchemaRegistryStore, opts: SchemaRegistryRouteOptions): Route[] {
  const subjectOpt = (v: string | null): { subject?: string } => (v === null ? {} : { subject: v });
  return [
    srRoute('GET', '/schemas/types', opts, () => json(SCHEMA_TYPES)),
    srRoute('GET', '/contexts', opts, (_req, sr) => json(store.listContexts(sr))),
    srRoute('GET', '/schemas/ids/:id', opts, (req, sr) =>
      json(schemaBody(store.schemaById(sr, idParam(param(req, 'id')), subjectOpt(req.query.get('subject')))))),
    srRoute('GET', '/schemas/ids/:id/schema', opts, (req, sr) =>
      rawText(store.schemaById(sr, idParam(param(req, 'id')), subjectOpt(req.query.get('subject'))).schema)),
    srRoute('GET', '/schemas/ids/:id/versions', opts, (req, sr) => {
      const id = idParam(param(req, 'id'));
      store.schemaById(sr, id);
      return json(store.versionsOfSchema(sr, id, { deleted: flag(req, 'deleted') }));
    }),
    srRoute('GET', '/schemas/ids/:id/subjects', opts, (req, sr) => {
      const id = idParam(param(req, 'id'));
      store.schemaById(sr, id);
      return json([...new Set(store.versionsOfSchema(sr, id, { deleted: flag(req, 'deleted') }).map((v) => v.subject))]);
    }),
  ];
}
