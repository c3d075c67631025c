/**
 * The provider block: its schema, and its resolution into ConfluentSettings with environment
 * variables, defaults and the all-or-none rules of the official provider checked up front.
 * When `endpoint` is unset the local cloud is used if STREAMFORM_CLOUD_URL is set (the CLI sets
 * it after starting the local cloud); otherwise the real https://api.confluent.cloud.
 */
import { errorDiag } from '../../../shared/index.js';
import type { Diagnostic } from '../../../shared/index.js';
import type { ObjectValue } from '../../lang/index.js';
import type { BlockSchema } from '../../provider/index.js';
import { block, num, str } from './attribute-access.js';
import { T, matches } from './schema-blocks.js';
import type { ConfluentSettings, Credentials, EnvLookup } from './types.js';

/** The real control plane, used when neither endpoint nor STREAMFORM_CLOUD_URL is set. */
export const DEFAULT_ENDPOINT = 'https://api.confluent.cloud';
/** The official provider release whose schema this provider follows. */
export const PROVIDER_VERSION = '2.83.0-streamform';

const s = (sensitive = false): { type: typeof T.string; optional: true; sensitive?: boolean } =>
  (sensitive ? { type: T.string, optional: true, sensitive: true } : { type: T.string, optional: true });

/** The provider block schema (§1 of the provider notes). */
export const providerBlockSchema: BlockSchema = {
  attributes: {
    endpoint: { ...s(), validate: matches(/^https?:\/\//, 'be an http(s) URL') },
    cloud_api_key: s(true), cloud_api_secret: s(true),
    kafka_id: s(), kafka_api_key: s(true), kafka_api_secret: s(true), kafka_rest_endpoint: s(),
    schema_registry_id: s(), schema_registry_api_key: s(true), schema_registry_api_secret: s(true),
    schema_registry_rest_endpoint: s(), catalog_rest_endpoint: s(),
    flink_api_key: s(true), flink_api_secret: s(true), flink_rest_endpoint: s(),
    organization_id: s(), environment_id: s(), flink_compute_pool_id: s(), flink_principal_id: s(),
    tableflow_api_key: s(true), tableflow_api_secret: s(true),
    max_retries: { type: T.number, optional: true, validate: (v) => (typeof v === 'number' && v < 4 ? 'must be at least 4' : undefined) },
    user_agent_suffix: s(),
  },
  blocks: {
    oauth: {
      nesting: 'single', maxItems: 1,
      block: {
        attributes: {
          oauth_identity_pool_id: { type: T.string, required: true },
          oauth_external_token_url: s(), oauth_external_access_token: s(true),
          oauth_external_client_id: s(), oauth_external_client_secret: s(true),
          oauth_external_token_scope: s(), oauth_sts_token_expired_in_seconds: s(),
        },
      },
    },
  },
};

const ENV: Readonly<Record<string, string>> = {
  cloud_api_key: 'CONFLUENT_CLOUD_API_KEY', cloud_api_secret: 'CONFLUENT_CLOUD_API_SECRET',
  kafka_id: 'KAFKA_ID', kafka_api_key: 'KAFKA_API_KEY', kafka_api_secret: 'KAFKA_API_SECRET', kafka_rest_endpoint: 'KAFKA_REST_ENDPOINT',
  schema_registry_id: 'SCHEMA_REGISTRY_ID', schema_registry_api_key: 'SCHEMA_REGISTRY_API_KEY',
  schema_registry_api_secret: 'SCHEMA_REGISTRY_API_SECRET', schema_registry_rest_endpoint: 'SCHEMA_REGISTRY_REST_ENDPOINT',
  catalog_rest_endpoint: 'CATALOG_REST_ENDPOINT',
  flink_api_key: 'FLINK_API_KEY', flink_api_secret: 'FLINK_API_SECRET', flink_rest_endpoint: 'FLINK_REST_ENDPOINT',
  organization_id: 'CONFLUENT_ORGANIZATION_ID', environment_id: 'CONFLUENT_ENVIRONMENT_ID',
  flink_compute_pool_id: 'FLINK_COMPUTE_POOL_ID', flink_principal_id: 'FLINK_PRINCIPAL_ID',
  tableflow_api_key: 'TABLEFLOW_API_KEY', tableflow_api_secret: 'TABLEFLOW_API_SECRET',
  max_retries: 'TF_PROVIDER_CONFLUENT_MAX_RETRIES',
};

const KAFKA = ['kafka_api_key', 'kafka_api_secret', 'kafka_rest_endpoint'] as const;
const SR = ['schema_registry_id', 'schema_registry_api_key', 'schema_registry_api_secret', 'schema_registry_rest_endpoint'] as const;
const FLINK = ['flink_api_key', 'flink_api_secret', 'flink_rest_endpoint', 'organization_id', 'environment_id', 'flink_compute_pool_id', 'flink_principal_id'] as const;
const FLINK_OAUTH = ['flink_rest_endpoint', 'organization_id', 'environment_id', 'flink_compute_pool_id', 'flink_principal_id'] as const;

/** Resolves the provider block (config wins over env vars); diagnostics on rule violations. */
export function resolveSettings(config: ObjectValue, env: EnvLookup): { settings?: ConfluentSettings; diagnostics: Diagnostic[] } {
  const get = (name: string): string | undefined => str(config, name) ?? (ENV[name] !== undefined ? nonEmpty(env(ENV[name])) : undefined);
  const diagnostics: Diagnostic[] = [];
  const oauth = block(config, 'oauth');
  const group = (names: readonly string[], what: string): boolean => {
    const set = names.filter((n) => get(n) !== undefined);
    if (set.length > 0 && set.length < names.length) {
      const missing = names.filter((n) => get(n) === undefined);
      diagnostics.push(errorDiag('confluent-provider-incomplete-group', `All of ${names.join(', ')} must be set together for ${what}, or none of them`, {
        detail: `Set: ${set.join(', ')}. Missing: ${missing.join(', ')} (or their environment variables).`,
      }));
    }
    return set.length === names.length;
  };
  const pair = (a: string, b: string, what: string): boolean => group([a, b], what);

  const cloudSet = pair('cloud_api_key', 'cloud_api_secret', 'Cloud API credentials');
  pair('tableflow_api_key', 'tableflow_api_secret', 'Tableflow credentials');
  let kafkaSet = false, srSet = false, flinkSet = false;
  if (oauth !== undefined) {
    const keys = Object.keys(ENV).filter((n) => /_api_(key|secret)$/.test(n) && str(config, n) !== undefined);
    if (keys.length > 0) {
      diagnostics.push(errorDiag('confluent-provider-oauth-conflict', 'API keys and secrets cannot be set together with the oauth block', { detail: `Remove: ${keys.join(', ')}.` }));
    }
    group(FLINK_OAUTH, 'Flink with OAuth');
    pair('kafka_id', 'kafka_rest_endpoint', 'Kafka with OAuth');
    if (get('schema_registry_id') !== undefined && get('schema_registry_rest_endpoint') === undefined && get('catalog_rest_endpoint') === undefined) {
      diagnostics.push(errorDiag('confluent-provider-incomplete-group', 'schema_registry_id needs schema_registry_rest_endpoint or catalog_rest_endpoint with OAuth'));
    }
    const hasUrl = str(oauth, 'oauth_external_token_url') !== undefined, hasToken = str(oauth, 'oauth_external_access_token') !== undefined;
    if (hasUrl === hasToken) {
      diagnostics.push(errorDiag('confluent-provider-oauth-token', 'Exactly one of oauth_external_token_url and oauth_external_access_token must be set in the oauth block'));
    }
  } else {
    kafkaSet = group(KAFKA, 'Kafka single-cluster mode');
    const srEndpoint = get('schema_registry_rest_endpoint') ?? get('catalog_rest_endpoint');
    const srNames = SR.filter((n) => n !== 'schema_registry_rest_endpoint');
    const srCount = srNames.filter((n) => get(n) !== undefined).length + (srEndpoint !== undefined ? 1 : 0);
    if (srCount > 0 && srCount < 4) {
      diagnostics.push(errorDiag('confluent-provider-incomplete-group', `All of ${SR.join(', ')} must be set together for Schema Registry, or none of them`));
    }
    srSet = srCount === 4;
    flinkSet = group(FLINK, 'Flink single-pool mode');
  }
  const retriesText = config.max_retries === undefined || config.max_retries === null ? get('max_retries') : undefined;
  const maxRetries = num(config, 'max_retries') ?? (retriesText !== undefined ? Number(retriesText) : 4);
  if (!Number.isInteger(maxRetries) || maxRetries < 4) {
    diagnostics.push(errorDiag('confluent-provider-max-retries', `max_retries must be an integer of at least 4 (got ${String(maxRetries)})`));
  }
  if (diagnostics.length > 0) return { diagnostics };

  const creds = (k: string, sec: string): Credentials => ({ key: get(k) ?? '', secret: get(sec) ?? '' });
  const endpoint = (str(config, 'endpoint') ?? nonEmpty(env('STREAMFORM_CLOUD_URL')) ?? DEFAULT_ENDPOINT).replace(/\/+$/, '');
  const suffix = str(config, 'user_agent_suffix');
  const settings: { -readonly [K in keyof ConfluentSettings]: ConfluentSettings[K] } = {
    endpoint, maxRetries, oauth: oauth !== undefined,
    userAgent: `terraform-provider-confluent/${PROVIDER_VERSION} (streamform)${suffix !== undefined ? ` ${suffix}` : ''}`,
  };
  if (cloudSet) settings.cloudCredentials = creds('cloud_api_key', 'cloud_api_secret');
  if (kafkaSet) {
    const id = get('kafka_id');
    settings.kafka = { restEndpoint: get('kafka_rest_endpoint') ?? '', credentials: creds('kafka_api_key', 'kafka_api_secret'), ...(id !== undefined ? { id } : {}) };
  }
  if (srSet) {
    settings.schemaRegistry = {
      id: get('schema_registry_id') ?? '', restEndpoint: get('schema_registry_rest_endpoint') ?? get('catalog_rest_endpoint') ?? '',
      credentials: creds('schema_registry_api_key', 'schema_registry_api_secret'),
    };
  }
  if (flinkSet) {
    settings.flink = {
      organizationId: get('organization_id') ?? '', environmentId: get('environment_id') ?? '',
      computePoolId: get('flink_compute_pool_id') ?? '', principalId: get('flink_principal_id') ?? '',
      restEndpoint: get('flink_rest_endpoint') ?? '', credentials: creds('flink_api_key', 'flink_api_secret'),
    };
  }
  return { settings, diagnostics };
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v;
}
