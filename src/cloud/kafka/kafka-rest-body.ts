/** Readers for Kafka REST v3 request bodies; malformed bodies are 400 with error_code 40001. */
import { ApiError } from '../http/index.js';

/** A JSON object body. */
export type JsonObject = { readonly [key: string]: unknown };

function bad(message: string): never {
  throw new ApiError(400, 40001, message);
}

/** The body as an object; an absent body counts as `{}`. */
export function readObject(body: unknown): JsonObject {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) bad('The request body must be a JSON object.');
  return body as JsonObject;
}

/** An optional integer field. */
export function readInteger(obj: JsonObject, field: string): number | undefined {
  const v = obj[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) bad(`Field '${field}' must be an integer.`);
  return v;
}

/** A `[{name, value, operation?}]` list (configs on create, data on configs:alter). */
export function readConfigList(v: unknown, field: string): { name: string; value: string | null; operation: 'SET' | 'DELETE' }[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) bad(`Field '${field}' must be an array of {name, value}.`);
  return v.map((item: unknown, i) => {
    if (typeof item !== 'object' || item === null) bad(`${field}[${i}] must be an object with name and value.`);
    const o = item as JsonObject;
    const name = o['name'];
    const value = o['value'];
    const op = o['operation'] ?? 'SET';
    if (typeof name !== 'string' || name === '') bad(`${field}[${i}].name must be a non-empty string.`);
    if (value !== undefined && value !== null && typeof value !== 'string') bad(`${field}[${i}].value must be a string.`);
    if (op !== 'SET' && op !== 'DELETE') bad(`${field}[${i}].operation must be SET or DELETE.`);
    return { name, value: typeof value === 'string' ? value : null, operation: op };
  });
}
