/**
 * The envelope of Terraform's machine-readable UI (`-json`): one JSON object per line with
 * `@level`, `@message`, `@module` ("streamform.ui"), `@timestamp`, a `type` and its payload.
 */
import type { Clock } from './plan-model.js';
import { parseResourceAddress } from './resource-address.js';

/** Options shared by the JSON-lines renderers. */
export interface UIMessageOptions {
  /** Source of `@timestamp`. */
  readonly clock: Clock;
  readonly version?: string;
}

/** Log level of a UI message. */
export type UILevel = 'info' | 'warn' | 'error';

/** One JSON line (without the newline). */
export function uiMessage(level: UILevel, message: string, type: string, payload: Record<string, unknown>, clock: Clock): string {
  return JSON.stringify({
    '@level': level,
    '@message': message,
    '@module': 'streamform.ui',
    '@timestamp': new Date(clock.now()).toISOString(),
    ...payload,
    type,
  });
}

/** The `resource` object Terraform puts in change and hook messages. */
export function resourceJSON(address: string): Record<string, unknown> {
  const p = parseResourceAddress(address);
  const underscore = p.type.indexOf('_');
  return {
    addr: address,
    module: p.module,
    resource: p.resource,
    implied_provider: underscore > 0 ? p.type.slice(0, underscore) : p.type,
    resource_type: p.type,
    resource_name: p.name,
    resource_key: p.key,
  };
}
