/** Config (compatibility level, normalize), mode, and the compatibility test endpoints. */
import type { HttpRequest, Route } from '../http/index.js';
import type { SchemaRegistryStore } from './schema-registry-store.js';
import type { SchemaRegistryRouteOptions } from './route-support.js';
import { body, flag, json, param, schemaInput, srRoute, versionParam } from './route-support.js';
import { srErrors } from './registry-errors.js';
import { isCompatibilityLevel } from './compatibility.js';
import { REGISTRY_MODES } from './types.js';
import type { CompatibilityLevel, RegistryConfig, RegistryMode } from './types.js';
import { isObject } from './stable-json.js';

function configBody(c: RegistryConfig): Record<string, unknown> {
  return c.normalize === undefined ? { compatibilityLevel: c.compatibilityLevel } : { compatibilityLevel: c.compatibilityLevel, normalize: c.normalize };
}

/** Reads `{compatibility, normalize}` (42203 for an unknown level). */
function configInput(req: HttpRequest): { compatibility?: CompatibilityLevel; normalize?: boolean } {
  const b = body(req);
  if (!isObject(b)) throw srErrors.invalidCompatibility(b);
  const raw = b['compatibility'] ?? b['compatibilityLevel'];
  const out: { compatibility?: CompatibilityLevel; normalize?: boolean } = {};
  if (raw !== undefined && raw !== null) {
    const level = typeof raw === 'string' ? raw.toUpperCase() : raw;
    if (!isCompatibilityLevel(level)) throw srErrors.invalidCompatibility(raw);
    out.compatibility = level;
  }
  if (typeof b['normalize'] === 'boolean') out.normalize = b['normalize'];
  if (out.compatibility === undefined && out.normalize === undefined) throw srErrors.invalidCompatibility(raw);
  return out;
}

function modeInput(req: HttpRequest): RegistryMode {
  const b = body(req);
  const raw = isObject(b) ? b['mode'] : undefined;
  const mode = typeof raw === 'string' ? raw.toUpperCase() : raw;
  const known = REGISTRY_MODES.find((m) => m === mode);
  if (known === undefined) throw srErrors.invalidMode(raw);
  return known;
}

/** Routes for /config, /mode and /compatibility. */
export function configRoutes(store: SchemaRegistryStore, opts: SchemaRegistryRouteOptions): Route[] {
  const settings = store.settings;
  const toGlobal = (req: HttpRequest): { defaultToGlobal: boolean } => ({ defaultToGlobal: flag(req, 'defaultToGlobal') });
  const putConfig = (req: HttpRequest, sr: string, subject: string | undefined): ReturnType<typeof json> => {
    const input = configInput(req);
    settings.setConfig(sr, subject, input);
    return json(input.normalize === undefined ? { compatibility: input.compatibility } : input);
  };
  const compat = (req: HttpRequest, sr: string, version: ReturnType<typeof versionParam> | 'all'): ReturnType<typeof json> => {
    const result = store.testCompatibility(sr, param(req, 'subject'), version, schemaInput(req));
    return json(flag(req, 'verbose') ? { is_compatible: result.isCompatible, messages: result.messages } : { is_compatible: result.isCompatible });
  };
  return [
    srRoute('GET', '/config', opts, (_req, sr) => json(configBody(settings.getConfig(sr)))),
    srRoute('PUT', '/config', opts, (req, sr) => putConfig(req, sr, undefined)),
    srRoute('DELETE', '/config', opts, (_req, sr) => json(configBody(settings.deleteConfig(sr)))),
    srRoute('GET', '/config/:subject', opts, (req, sr) => json(configBody(settings.getConfig(sr, param(req, 'subject'), toGlobal(req))))),
    srRoute('PUT', '/config/:subject', opts, (req, sr) => putConfig(req, sr, param(req, 'subject'))),
    srRoute('DELETE', '/config/:subject', opts, (req, sr) => json(configBody(settings.deleteConfig(sr, param(req, 'subject'))))),
    srRoute('GET', '/mode', opts, (_req, sr) => json({ mode: settings.getMode(sr) })),
    srRoute('PUT', '/mode', opts, (req, sr) => json({ mode: store.setMode(sr, undefined, modeInput(req), { force: flag(req, 'force') }) })),
    srRoute('DELETE', '/mode', opts, (_req, sr) => json({ mode: settings.deleteMode(sr) })),
    srRoute('GET', '/mode/:subject', opts, (req, sr) => json({ mode: settings.getMode(sr, param(req, 'subject'), toGlobal(req)) })),
    srRoute('PUT', '/mode/:subject', opts, (req, sr) => json({ mode: store.setMode(sr, param(req, 'subject'), modeInput(req), { force: flag(req, 'force') }) })),
    srRoute('DELETE', '/mode/:subject', opts, (req, sr) => json({ mode: settings.deleteMode(sr, param(req, 'subject')) })),
    srRoute('POST', '/compatibility/subjects/:subject/versions/:version', opts, (req, sr) => compat(req, sr, versionParam(param(req, 'version')))),
    srRoute('POST', '/compatibility/subjects/:subject/versions', opts, (req, sr) => compat(req, sr, 'all')),
  ];
}
