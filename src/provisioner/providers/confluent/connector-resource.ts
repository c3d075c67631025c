/**
 * `confluent_connector` over `connect/v1/environments/<env>/clusters/<lkc>/connectors`.
 * config_nonsensitive + config_sensitive are PUT as one config; status RUNNING↔PAUSED is a
 * pause/resume; a changed `name` or any other status move is rejected at plan (the official
 * provider fails at apply). Offsets are PATCHed, and removing them sends a DELETE request.
 */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import type { Diagnostic } from '../../../shared/index.js';
import { isObjectValue, isUnknown, valuesEqual } from '../../lang/index.js';
import type { ObjectValue, Value } from '../../lang/index.js';
import { mapValue, requireBlockId, str, stringMap } from './attribute-access.js';
import { pollUntil } from './backoff.js';
import { at, jmap, jstr } from './json-access.js';
import { T, computed, idBlock, optionalComputed, required } from './schema-blocks.js';
import { controlPlane, seg } from './targets.js';
import type { ConfluentResource, ResourceContext } from './types.js';

function basePath(attrs: ObjectValue): string {
  return `/connect/v1/environments/${seg(requireBlockId(attrs, 'environment'))}/clusters/${seg(requireBlockId(attrs, 'kafka_cluster'))}/connectors`;
}

function nameOf(attrs: ObjectValue): string {
  const n = stringMap(attrs, 'config_nonsensitive').name;
  if (n === undefined) throw new DiagnosticsError([errorDiag('confluent-connector-name', 'config_nonsensitive must contain "name"')]);
  return n;
}

async function getStatus(attrs: ObjectValue, name: string, rc: ResourceContext): Promise<unknown> {
  const r = await rc.http.send(controlPlane(rc), 'GET', `${basePath(attrs)}/${seg(name)}/status`, { accept: [404], signal: rc.ctx.signal });
  return r.status === 404 ? null : r.body;
}

async function waitState(attrs: ObjectValue, name: string, want: string, rc: ResourceContext): Promise<void> {
  await pollUntil(rc, async () => {
    const s = await getStatus(attrs, name, rc);
    const state = jstr(s, 'connector.state') ?? 'PROVISIONING';
    if (state === want) return { done: true, value: undefined };
    if (state === 'FAILED') throw new DiagnosticsError([errorDiag('confluent-connector-failed', `Connector ${name} FAILED`, { detail: jstr(s, 'connector.trace') ?? undefined })]);
    return { done: false, status: state };
  }, { what: `connector ${name} to be ${want}` });
}

/** The connector id (`lcc-…`) from `GET connectors?expand=id`. */
async function connectorId(attrs: ObjectValue, name: string, rc: ResourceContext): Promise<string | undefined> {
  const r = await rc.http.send(controlPlane(rc), 'GET', basePath(attrs), { query: { expand: 'id' }, signal: rc.ctx.signal });
  return jstr(at(r.body, name), 'id.id');
}

async function readConnector(base: ObjectValue, rc: ResourceContext): Promise<ObjectValue | null> {
  const name = nameOf(base);
  const r = await rc.http.send(controlPlane(rc), 'GET', `${basePath(base)}/${seg(name)}`, { accept: [404], signal: rc.ctx.signal });
  if (r.status === 404) return null;
  const live = jmap(r.body, 'config');
  const mine = stringMap(base, 'config_nonsensitive');
  const sensitive = stringMap(base, 'config_sensitive');
  const visible: Record<string, string> = {};
  for (const [k, v] of Object.entries(live)) {
    if (v.startsWith('****') || k in sensitive) continue;
    if (Object.keys(mine).length > 1 && !(k in mine)) continue; // internal keys the server adds
    visible[k] = v;
  }
  const status = jstr(await getStatus(base, name, rc), 'connector.state') ?? null;
  return { ...base, config_nonsensitive: mapValue(visible), status, id: (await connectorId(base, name, rc)) ?? str(base, 'id') ?? null };
}

/** POST an offsets request (PATCH or DELETE) and poll its status until APPLIED. */
async function requestOffsets(attrs: ObjectValue, name: string, body: unknown, rc: ResourceContext): Promise<void> {
  const path = `${basePath(attrs)}/${seg(name)}/offsets/request`;
  await rc.http.send(controlPlane(rc), 'POST', path, { body, signal: rc.ctx.signal });
  await pollUntil(rc, async () => {
    const r = await rc.http.send(controlPlane(rc), 'GET', `${path}/status`, { signal: rc.ctx.signal });
    const phase = jstr(r.body, 'status.phase') ?? 'PENDING';
    if (phase === 'FAILED') throw new DiagnosticsError([errorDiag('confluent-connector-offsets', `Offsets request for connector ${name} failed`, { detail: jstr(r.body, 'status.message') })]);
    return phase === 'APPLIED' ? { done: true, value: undefined } : { done: false, status: phase };
  }, { what: `the offsets of connector ${name} to be applied` });
}

function fullConfig(attrs: ObjectValue): Record<string, string> {
  return { ...stringMap(attrs, 'config_nonsensitive'), ...stringMap(attrs, 'config_sensitive') };
}

function offsetsBody(attrs: ObjectValue): unknown[] {
  const v = attrs.offsets;
  return Array.isArray(v) ? v.map((o: Value) => ({ partition: (o as ObjectValue).partition ?? {}, offset: (o as ObjectValue).offset ?? {} })) : [];
}

/** The `confluent_connector` resource. */
export const connectorResource: ConfluentResource = {
  schema: {
    importId: 'env-xxxxx/lkc-xxxxx/<connector name>',
    attributes: {
      config_nonsensitive: required(T.map(T.string)),
      config_sensitive: optionalComputed(T.map(T.string), { kind: 'update' }, { sensitive: true }),
      status: optionalComputed(T.string),
      id: computed(T.string),
    },
    blocks: {
      environment: idBlock({ required: true, pattern: /^env-/, rule: 'start with env-' }),
      kafka_cluster: idBlock({ required: true, pattern: /^lkc-/, rule: 'start with lkc-' }),
      offsets: { nesting: 'set', block: { attributes: { partition: required(T.map(T.string)), offset: required(T.map(T.string)) } } },
    },
  },
  validate(config) {
    const m = config.config_nonsensitive;
    if (!isObjectValue(m)) return [];
    // A key whose value is unknown (validate, or each.key / another resource's attribute at plan)
    // counts as set; a rule that depends on an unknown value is not checked, as in Terraform.
    const has = (k: string): boolean => m[k] !== undefined && m[k] !== null;
    const out: Diagnostic[] = [];
    if (!has('name')) out.push(errorDiag('confluent-connector-name', 'config_nonsensitive must contain "name"'));
    const type = m['confluent.connector.type'];
    if (isUnknown(type)) return out;
    const custom = type === 'CUSTOM';
    if (!custom && !has('connector.class')) out.push(errorDiag('confluent-connector-class', 'Managed connectors need "connector.class" in config_nonsensitive'));
    if (custom && !has('confluent.custom.plugin.id')) out.push(errorDiag('confluent-connector-plugin', 'Custom connectors need "confluent.custom.plugin.id" in config_nonsensitive'));
    return out;
  },
  plan(draft, req, _rc, replacing) {
    const prior = req.prior;
    if (prior === null || replacing) return;
    const diagnostics: Diagnostic[] = [];
    const before = stringMap(prior, 'config_nonsensitive').name, after = stringMap(draft, 'config_nonsensitive').name;
    if (after !== undefined && before !== after) {
      diagnostics.push(errorDiag('confluent-connector-rename', `Cannot rename connector ${before ?? ''} to ${after}`, { detail: 'A connector name cannot change; create a new confluent_connector resource.' }));
    }
    const from = str(prior, 'status'), to = str(draft, 'status');
    if (to !== undefined && from !== to && !((from === 'RUNNING' && to === 'PAUSED') || (from === 'PAUSED' && to === 'RUNNING'))) {
      diagnostics.push(errorDiag('confluent-connector-status', `Cannot change connector status from ${from ?? '(unknown)'} to ${to}`, { detail: 'Only RUNNING → PAUSED and PAUSED → RUNNING are allowed.' }));
    }
    return { diagnostics };
  },
  async create(planned, rc) {
    const name = nameOf(planned);
    await rc.http.send(controlPlane(rc), 'POST', basePath(planned), { body: { name, config: fullConfig(planned) }, signal: rc.ctx.signal });
    await waitState(planned, name, 'RUNNING', rc);
    if (str(planned, 'status') === 'PAUSED') {
      await rc.http.send(controlPlane(rc), 'PUT', `${basePath(planned)}/${seg(name)}/pause`, { signal: rc.ctx.signal });
      await waitState(planned, name, 'PAUSED', rc);
    }
    const offsets = offsetsBody(planned);
    if (offsets.length > 0) {
      await requestOffsets(planned, name, { type: 'PATCH', offsets }, rc);
    }
    const st = await readConnector({ ...planned, config_sensitive: planned.config_sensitive ?? {} }, rc);
    if (st === null) throw new DiagnosticsError([errorDiag('confluent-not-found', `Connector ${name} was created but cannot be read back`)]);
    return st;
  },
  read: (state, rc) => readConnector(state, rc),
  async update(prior, planned, rc) {
    const name = nameOf(prior);
    const path = `${basePath(prior)}/${seg(name)}`;
    if (!valuesEqual(fullConfig(prior), fullConfig(planned))) {
      await rc.http.send(controlPlane(rc), 'PUT', `${path}/config`, { body: fullConfig(planned), signal: rc.ctx.signal });
    }
    const from = str(prior, 'status'), to = str(planned, 'status');
    if (to !== undefined && from !== to) {
      await rc.http.send(controlPlane(rc), 'PUT', `${path}/${to === 'PAUSED' ? 'pause' : 'resume'}`, { signal: rc.ctx.signal });
      await waitState(prior, name, to, rc);
    }
    if (!valuesEqual(prior.offsets ?? [], planned.offsets ?? [])) {
      const offsets = offsetsBody(planned);
      await requestOffsets(prior, name, offsets.length > 0 ? { type: 'PATCH', offsets } : { type: 'DELETE' }, rc);
    }
    const st = await readConnector(planned, rc);
    if (st === null) throw new DiagnosticsError([errorDiag('confluent-not-found', `Connector ${name} disappeared during update`)]);
    return st;
  },
  async delete(prior, rc) {
    await rc.http.send(controlPlane(rc), 'DELETE', `${basePath(prior)}/${seg(nameOf(prior))}`, { accept: [404], signal: rc.ctx.signal });
  },
  async import(id, rc) {
    const m = /^(env-[^/]+)\/(lkc-[^/]+)\/(.+)$/.exec(id);
    if (m === null) throw new DiagnosticsError([errorDiag('confluent-import-id', `Invalid import id "${id}"`, { detail: 'Expected env-xxxxx/lkc-xxxxx/<connector name>.' })]);
    const base: ObjectValue = { environment: { id: m[1] ?? '' }, kafka_cluster: { id: m[2] ?? '' }, config_nonsensitive: { name: m[3] ?? '' }, config_sensitive: {}, offsets: [] };
    const r = await rc.http.send(controlPlane(rc), 'GET', `${basePath(base)}/${seg(m[3] ?? '')}`, { accept: [404], signal: rc.ctx.signal });
    if (r.status === 404) return null;
    const all: Record<string, string> = {};
    for (const [k, v] of Object.entries(jmap(r.body, 'config'))) if (!v.startsWith('****')) all[k] = v;
    return readConnector({ ...base, config_nonsensitive: mapValue(all) }, rc);
  },
};

