/** Subjects and versions: list, read, register, lookup, delete, referencedby. */
import type { Route } from '../http/index.js';
import type { SchemaRegistryStore } from './schema-registry-store.js';
import type { SchemaRegistryRouteOptions } from './route-support.js';
import { body, flag, json, param, rawText, schemaInput, srRoute, versionBody, versionParam } from './route-support.js';
import { isObject } from './stable-json.js';

/** Routes under `/sr/:sr_id/subjects`. */
export function subjectRoutes(store: SchemaRegistryStore, opts: SchemaRegistryRouteOptions): Route[] {
  return [
    srRoute('GET', '/subjects', opts, (req, sr) => {
      const prefix = req.query.get('subjectPrefix');
      return json(store.listSubjects(sr, prefix === null ? { deleted: flag(req, 'deleted') } : { deleted: flag(req, 'deleted'), prefix }));
    }),
    srRoute('GET', '/subjects/:subject/versions', opts, (req, sr) =>
      json(store.listVersions(sr, param(req, 'subject'), { deleted: flag(req, 'deleted') }))),
    srRoute('GET', '/subjects/:subject/versions/:version', opts, (req, sr) =>
      json(versionBody(store.getVersion(sr, param(req, 'subject'), versionParam(param(req, 'version')), { deleted: flag(req, 'deleted') })))),
    srRoute('GET', '/subjects/:subject/versions/:version/schema', opts, (req, sr) =>
      rawText(store.getVersion(sr, param(req, 'subject'), versionParam(param(req, 'version')), { deleted: flag(req, 'deleted') }).schema)),
    srRoute('GET', '/subjects/:subject/versions/:version/referencedby', opts, (req, sr) =>
      json(store.referencedBy(sr, param(req, 'subject'), versionParam(param(req, 'version'))))),
    srRoute('POST', '/subjects/:subject/versions', opts, (req, sr) => {
      const input = schemaInput(req);
      const b = body(req);
      const extra: { normalize?: boolean; id?: number; version?: number } = {};
      if (req.query.has('normalize')) extra.normalize = flag(req, 'normalize');
      if (isObject(b) && typeof b['id'] === 'number' && b['id'] > 0) extra.id = b['id'];
      if (isObject(b) && typeof b['version'] === 'number' && b['version'] > 0) extra.version = b['version'];
      const { id } = store.register(sr, param(req, 'subject'), input, extra);
      return json({ id });
    }),
    srRoute('POST', '/subjects/:subject', opts, (req, sr) => {
      const lookupOpts: { deleted: boolean; normalize?: boolean } = { deleted: flag(req, 'deleted') };
      if (req.query.has('normalize')) lookupOpts.normalize = flag(req, 'normalize');
      return json(versionBody(store.lookup(sr, param(req, 'subject'), schemaInput(req), lookupOpts)));
    }),
    srRoute('DELETE', '/subjects/:subject', opts, (req, sr) =>
      json(store.deleteSubject(sr, param(req, 'subject'), { permanent: flag(req, 'permanent') }))),
    srRoute('DELETE', '/subjects/:subject/versions/:version', opts, (req, sr) =>
      json(store.deleteVersion(sr, param(req, 'subject'), versionParam(param(req, 'version')), { permanent: flag(req, 'permanent') }))),
  ];
}
