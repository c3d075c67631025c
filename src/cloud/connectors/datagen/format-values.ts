/**
 * Converts generated Avro datums into the value each output format encodes: AVRO keeps the datum;
 * JSON_SR writes decimals as numbers and bytes as base64 strings; plain JSON (Connect's
 * JsonConverter) writes bytes and decimals as base64; PROTOBUF writes timestamps, dates and
 * decimals as google.protobuf.Timestamp / google.type.Date / confluent.type.Decimal and leaves
 * null fields unset. Also renders the key field as the connector does (its string form).
 */
import type { SchemaModel } from './avro-schema-model.js';
import type { AvroDatum, OutputDataFormat } from './types.js';

type Convert = (d: AvroDatum) => unknown;

/** A converter from generated datums to the value the format's encoder takes. */
export function valueConverter(model: SchemaModel, format: OutputDataFormat): Convert {
  if (format === 'AVRO') return (d) => d;
  const cache = new Map<SchemaModel, Convert>();
  const conv = (s: SchemaModel): Convert => {
    const hit = cache.get(s);
    if (hit !== undefined) return hit;
    let body: Convert | undefined;
    cache.set(s, (d) => (body ?? identity)(d));
    body = build(s);
    cache.set(s, body);
    return body;
  };
  const build = (s: SchemaModel): Convert => {
    switch (s.kind) {
      case 'primitive':
        if (format === 'PROTOBUF' && s.logicalType !== undefined) {
          const lt = s.logicalType;
          if (lt === 'timestamp-millis' && s.type === 'long') return (d) => (typeof d === 'number' ? { seconds: Math.floor(d / 1000), nanos: mod(d, 1000) * 1_000_000 } : d);
          if (lt === 'date' && s.type === 'int') return (d) => (typeof d === 'number' ? protoDate(d) : d);
          if (lt === 'time-millis' && s.type === 'int') return (d) => (typeof d === 'number' ? protoTimeOfDay(d) : d);
          if (lt === 'decimal' && s.type === 'bytes') return (d) => (Buffer.isBuffer(d) ? { value: d, precision: s.precision ?? 1, scale: s.scale ?? 0 } : d);
        }
        if (s.type === 'bytes' && s.logicalType === 'decimal') {
          const scale = s.scale ?? 0;
          if (format === 'JSON') return (d) => (Buffer.isBuffer(d) ? d.toString('base64') : d);
          return (d) => (Buffer.isBuffer(d) ? decimalNumber(d, scale) : d);
        }
        if (s.type === 'bytes') return format === 'PROTOBUF' ? identity : (d) => (Buffer.isBuffer(d) ? d.toString('base64') : d);
        return identity;
      case 'fixed': return format === 'PROTOBUF' ? identity : (d) => (Buffer.isBuffer(d) ? d.toString('base64') : d);
      case 'enum': return identity;
      case 'array': {
        const item = conv(s.items);
        return (d) => (Array.isArray(d) ? d.map((x: AvroDatum) => item(x)) : d);
      }
      case 'map': {
        const value = conv(s.values);
        return (d) => mapEntries(d, (v) => value(v));
      }
      case 'record': {
        const fields = s.fields.map((f) => ({ name: f.name, conv: conv(f.type) }));
        return (d) => {
          if (d === null || typeof d !== 'object' || Array.isArray(d) || Buffer.isBuffer(d)) return d;
          const rec = d as { readonly [key: string]: AvroDatum };
          const out: Record<string, unknown> = {};
          for (const f of fields) {
            const v = rec[f.name] ?? null;
            if (v === null && format === 'PROTOBUF') continue;
            out[f.name] = f.conv(v);
          }
          return out;
        };
      }
      case 'union': {
        // Generated union values are unwrapped; convert with the first branch the value fits.
        const branches = s.branches.map((b) => ({ fits: fits(b), conv: conv(b) }));
        return (d) => (branches.find((b) => b.fits(d))?.conv ?? identity)(d);
      }
    }
  };
  return conv(model);
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/** google.type.Date of an Avro `date` (days since the epoch). */
function protoDate(days: number): { year: number; month: number; day: number } {
  const d = new Date(days * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** google.type.TimeOfDay of an Avro `time-millis`. */
function protoTimeOfDay(ms: number): { hours: number; minutes: number; seconds: number; nanos: number } {
  const t = mod(ms, 86_400_000);
  return { hours: Math.floor(t / 3_600_000), minutes: Math.floor(t / 60_000) % 60, seconds: Math.floor(t / 1000) % 60, nanos: (t % 1000) * 1_000_000 };
}

function identity(d: AvroDatum): unknown {
  return d;
}

function mapEntries(d: AvroDatum, f: (v: AvroDatum) => unknown): unknown {
  if (d === null || typeof d !== 'object' || Array.isArray(d) || Buffer.isBuffer(d)) return d;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d as { readonly [key: string]: AvroDatum })) out[k] = f(v);
  return out;
}

function fits(s: SchemaModel): (d: AvroDatum) => boolean {
  switch (s.kind) {
    case 'primitive':
      switch (s.type) {
        case 'null': return (d) => d === null;
        case 'boolean': return (d) => typeof d === 'boolean';
        case 'int': case 'long': return (d) => typeof d === 'number' && Number.isInteger(d);
        case 'float': case 'double': return (d) => typeof d === 'number';
        case 'bytes': return (d) => Buffer.isBuffer(d);
        case 'string': return (d) => typeof d === 'string';
      }
      break;
    case 'fixed': return (d) => Buffer.isBuffer(d) && d.length === s.size;
    case 'enum': return (d) => typeof d === 'string' && s.symbols.includes(d);
    case 'array': return (d) => Array.isArray(d);
    case 'map': case 'record': return (d) => d !== null && typeof d === 'object' && !Array.isArray(d) && !Buffer.isBuffer(d);
    case 'union': return () => true;
  }
  return () => false;
}

/** A two's-complement big-endian unscaled value with `scale` as a JS number. */
export function decimalNumber(bytes: Buffer, scale: number): number {
  if (bytes.length === 0) return 0;
  const unsigned = BigInt(`0x${bytes.toString('hex')}`);
  const signed = BigInt.asIntN(bytes.length * 8, unsigned);
  return Number(signed) / 10 ** scale;
}

/**
 * The Kafka key of a record: the key field's value in its string form (Java's `toString` of the
 * Connect value, so an integral double prints as "3.0"); '' when there is no key field.
 */
export function keyRenderer(model: SchemaModel, keyField: string): (record: AvroDatum) => string {
  const field = model.kind === 'record' ? model.fields.find((f) => f.name === keyField) : undefined;
  if (field === undefined) return () => '';
  const floating = field.type.kind === 'primitive' && (field.type.type === 'double' || field.type.type === 'float');
  return (record) => {
    if (record === null || typeof record !== 'object' || Array.isArray(record) || Buffer.isBuffer(record)) return '';
    const v = (record as { readonly [key: string]: AvroDatum })[keyField] ?? null;
    if (v === null) return 'null';
    if (typeof v === 'number') return floating && Number.isInteger(v) && Math.abs(v) < 1e7 ? `${v}.0` : String(v);
    if (typeof v === 'string' || typeof v === 'boolean') return String(v);
    if (Buffer.isBuffer(v)) return v.toString('utf8');
    return JSON.stringify(v);
  };
}
