/** Canonical JSON text for values: object keys sorted, `<`, `>`, `&` escaped as Terraform does. */
import { isUnknown, type Value } from './value.js';
import { InternalError } from '../../shared/invariant.js';

/** Encodes a wholly known value as Terraform's jsonencode would. */
export function canonicalJSON(v: Value): string {
  return encode(v).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function encode(v: Value): string {
  if (isUnknown(v)) throw new InternalError('canonicalJSON called with an unknown value');
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${(v as readonly Value[]).map(encode).join(',')}]`;
  const o = v as { readonly [k: string]: Value };
  return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${encode(o[k] ?? null)}`).join(',')}}`;
}
