/** The managed connector plugins the local cloud offers, with their config keys. */
import type { ConnectorPlugin } from './types.js';
import { QUICKSTARTS } from './datagen/index.js';

/** Quickstart templates of the Datagen source (matched case-insensitively, as the connector does). */
export const DATAGEN_QUICKSTARTS: readonly string[] = QUICKSTARTS.map((q) => q.name);

/** Every plugin, sorted by class name. */
export const CONNECTOR_PLUGINS: readonly ConnectorPlugin[] = [
  {
    className: 'DatagenSource', type: 'source', version: '0.6.0',
    keys: [
      { name: 'name', required: true },
      { name: 'connector.class', required: true },
      { name: 'kafka.topic', required: true },
      { name: 'kafka.auth.mode', required: false, allowed: ['KAFKA_API_KEY', 'SERVICE_ACCOUNT'] },
      { name: 'kafka.api.key', required: false },
      { name: 'kafka.api.secret', required: false, sensitive: true },
      { name: 'kafka.service.account.id', required: false },
      { name: 'output.data.format', required: false, allowed: ['AVRO', 'JSON', 'JSON_SR', 'PROTOBUF'] },
      { name: 'quickstart', required: false, allowed: DATAGEN_QUICKSTARTS },
      { name: 'schema.string', required: false },
      { name: 'schema.filename', required: false },
      { name: 'schema.keyfield', required: false },
      { name: 'random.seed', required: false },
      { name: 'max.interval', required: false },
      { name: 'iterations', required: false },
      { name: 'tasks.max', required: false },
    ],
  },
];

/** The plugin with a class name, if offered. */
export function findPlugin(className: string): ConnectorPlugin | undefined {
  return CONNECTOR_PLUGINS.find((p) => p.className === className);
}

/** Problems of a config against its plugin, keyed by config name (empty when valid). */
export function validateConfig(plugin: ConnectorPlugin, config: { readonly [key: string]: string }): Map<string, string> {
  const problems = new Map<string, string>();
  for (const k of plugin.keys) {
    const v = config[k.name];
    if (k.required && (v === undefined || v === '')) problems.set(k.name, `Missing required configuration "${k.name}" which has no default value.`);
    else if (v !== undefined && k.allowed !== undefined && !k.allowed.some((a) => a.toUpperCase() === v.toUpperCase())) problems.set(k.name, `Invalid value ${v} for configuration ${k.name}: must be one of ${k.allowed.join(', ')}.`);
  }
  return problems;
}
