/**
 * DescribeConfigs (v0–4): a topic's effective configs (dynamic values and Confluent Cloud
 * defaults), with synonyms and types when asked. Broker resources answer with no configs.
 */
import { configDefinition, effectiveConfigs } from '../topic-configs.js';
import type { ConfigSource, ConfigType, EffectiveConfig } from '../types.js';
import { ByteWriter } from './byte-writer.js';
import { ERR, kafkaErrorOf } from './error-codes.js';
import type { WireRequest, WireResponse } from './types.js';

const RESOURCE_TOPIC = 2;
const RESOURCE_BROKER = 4;
const TYPE_CODES: { readonly [K in ConfigType]: number } = { boolean: 1, string: 2, int: 3, long: 5, double: 6, list: 7 };

/** Kafka's DescribeConfigs config_source code for a source. */
export function configSourceCode(source: ConfigSource): number {
  return source === 'DYNAMIC_TOPIC_CONFIG' ? 1 : 5;
}

interface ResourceResult {
  readonly error: number;
  readonly message: string | null;
  readonly type: number;
  readonly name: string;
  readonly configs: readonly EffectiveConfig[];
}

/** Answers DescribeConfigs. */
export function handleDescribeConfigs(req: WireRequest): WireResponse {
  const v = req.apiVersion;
  const r = req.body;
  const resources = r.array((x) => {
    const type = x.int8();
    const name = x.string();
    const keys = x.nullableArray((y) => y.string());
    x.tags();
    return { type, name, keys };
  });
  const synonyms = v >= 1 ? r.bool() : false;
  if (v >= 3) r.bool(); // include_documentation
  r.tags();
  const cluster = req.session.cluster();
  const results = resources.map((res): ResourceResult => {
    const base = { type: res.type, name: res.name };
    if (res.type === RESOURCE_BROKER) return { ...base, error: ERR.NONE, message: null, configs: [] };
    if (res.type !== RESOURCE_TOPIC) return { ...base, error: ERR.INVALID_REQUEST, message: `resource type ${res.type} is not supported; describe topics (2) or brokers (4)`, configs: [] };
    if (cluster === undefined) return { ...base, error: ERR.UNKNOWN_TOPIC_OR_PARTITION, message: 'no cluster is selected for this connection', configs: [] };
    try {
      const all = effectiveConfigs(req.services.store.describeTopic(cluster, res.name).configs);
      const keys = res.keys;
      return { ...base, error: ERR.NONE, message: null, configs: keys === null || keys.length === 0 ? all : all.filter((c) => keys.includes(c.name)) };
    } catch (err) {
      const e = kafkaErrorOf(err);
      return { ...base, error: e.code, message: e.message, configs: [] };
    }
  });
  const w = new ByteWriter({ flexible: r.flexible });
  w.int32(0);
  w.array(results, (x, res) => {
    x.int16(res.error).nullableString(res.message).int8(res.type).string(res.name);
    x.array(res.configs, (y, c) => {
      y.string(c.name).nullableString(c.isSensitive ? null : c.value).bool(c.isReadOnly);
      if (v === 0) y.bool(c.isDefault);
      else y.int8(configSourceCode(c.source));
      y.bool(c.isSensitive);
      if (v >= 1) {
        y.array(synonyms ? c.synonyms : [], (z, s) => { z.string(s.name).nullableString(s.value).int8(s.source === 'DYNAMIC_TOPIC_CONFIG' ? 1 : s.source === 'DEFAULT_CONFIG' ? 5 : 4).tags(); });
      }
      if (v >= 3) {
        const def = configDefinition(c.name);
        y.int8(def === undefined ? 0 : TYPE_CODES[def.type]).nullableString(null); // documentation: not kept
      }
      y.tags();
    });
    x.tags();
  });
  w.tags();
  return { kind: 'reply', body: w };
}
