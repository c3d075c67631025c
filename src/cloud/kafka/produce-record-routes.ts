/**
 * Kafka REST v3 produce (`POST /topics/:topic_name/records`), one record per request.
 * Schemaless data types only: BINARY (base64), JSON (serialised JSON text) and STRING (UTF-8);
 * AVRO, PROTOBUF and JSONSCHEMA need Schema Registry serialisation and answer 400 for now.
 */
import { ApiError, type Route } from '../http/index.js';
import { topicAccess, topicParam, type KafkaRouteContext } from './kafka-route-context.js';
import { readInteger, readObject, type JsonObject } from './kafka-rest-body.js';
import type { RecordHeader } from './types.js';

type DataType = 'BINARY' | 'JSON' | 'STRING';
const SCHEMA_TYPES = new Set(['AVRO', 'PROTOBUF', 'JSONSCHEMA']);

/** The produce route. */
export function produceRecordRoutes(ctx: KafkaRouteContext): Route[] {
  const { store, route } = ctx;
  return [
    route({ method: 'POST', path: '/topics/:topic_name/records', access: topicAccess('Write') }, (req, cluster) => {
      const topic = topicParam(req);
      store.describeTopic(cluster, topic);
      const body = readObject(req.body);
      const partition = readInteger(body, 'partition_id');
      const key = readData(body['key'], 'key');
      const value = readData(body['value'], 'value');
      const headers = readHeaders(body['headers']);
      const timestamp = readTimestamp(body['timestamp']);
      const [placed] = store.append(cluster, topic, [{
        key: key?.bytes ?? null, value: value?.bytes ?? null, headers,
        ...(partition === undefined ? {} : { partition }),
        ...(timestamp === undefined ? {} : { timestamp }),
      }]);
      if (placed === undefined) throw new ApiError(500, 500, 'The record was not appended.');
      const out: { [k: string]: unknown } = {
        error_code: 200, cluster_id: cluster, topic_name: topic, partition_id: placed.partition,
        offset: placed.offset, timestamp: new Date(placed.timestamp).toISOString(),
      };
      if (key !== undefined) out['key'] = { type: key.type, size: key.bytes?.length ?? 0 };
      if (value !== undefined) out['value'] = { type: value.type, size: value.bytes?.length ?? 0 };
      return { status: 200, body: out };
    }),
  ];
}

function bad(message: string): never {
  throw new ApiError(400, 40001, message);
}

function readData(v: unknown, field: string): { type: DataType; bytes: Buffer | null } | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) bad(`Field '${field}' must be an object {type, data}.`);
  const o = v as JsonObject;
  const rawType = o['type'] ?? 'JSON';
  if (typeof rawType !== 'string') bad(`Field '${field}.type' must be a string.`);
  if (SCHEMA_TYPES.has(rawType) || o['schema_id'] !== undefined || o['subject'] !== undefined || o['schema'] !== undefined) {
    bad(`${field}: schema-based serialisation (${rawType}) is not supported yet by the local cloud; use BINARY, JSON or STRING.`);
  }
  if (rawType !== 'BINARY' && rawType !== 'JSON' && rawType !== 'STRING') bad(`Field '${field}.type' must be one of BINARY, JSON, STRING; got '${rawType}'.`);
  const data = o['data'];
  if (data === undefined || data === null) return { type: rawType, bytes: null };
  switch (rawType) {
    case 'BINARY':
      if (typeof data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) bad(`Field '${field}.data' must be base64 for type BINARY.`);
      return { type: rawType, bytes: Buffer.from(data, 'base64') };
    case 'STRING':
      if (typeof data !== 'string') bad(`Field '${field}.data' must be a string for type STRING.`);
      return { type: rawType, bytes: Buffer.from(data, 'utf8') };
    case 'JSON':
      return { type: rawType, bytes: Buffer.from(JSON.stringify(data), 'utf8') };
  }
}

function readHeaders(v: unknown): RecordHeader[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) bad("Field 'headers' must be an array of {name, value}.");
  return v.map((h: unknown, i) => {
    if (typeof h !== 'object' || h === null) bad(`headers[${i}] must be an object {name, value}.`);
    const o = h as JsonObject;
    const name = o['name'];
    const value = o['value'];
    if (typeof name !== 'string') bad(`headers[${i}].name must be a string.`);
    if (value !== undefined && value !== null && typeof value !== 'string') bad(`headers[${i}].value must be base64 text.`);
    return { key: name, value: typeof value === 'string' ? Buffer.from(value, 'base64') : null };
  });
}

function readTimestamp(v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  if (typeof v === 'string') {
    const t = Date.parse(v);
    if (!Number.isNaN(t)) return t;
  }
  return bad("Field 'timestamp' must be an ISO-8601 date-time or epoch milliseconds.");
}
