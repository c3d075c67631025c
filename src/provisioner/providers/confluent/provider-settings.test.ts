import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolveSettings, DEFAULT_ENDPOINT } from './provider-settings.js';

const noEnv = (): undefined => undefined;

describe('provider settings', () => {
  it('uses STREAMFORM_CLOUD_URL when endpoint is unset, else the real default', () => {
    const local = resolveSettings({}, (n) => (n === 'STREAMFORM_CLOUD_URL' ? 'http://127.0.0.1:4000/' : undefined));
    assert.equal(local.settings?.endpoint, 'http://127.0.0.1:4000');
    assert.equal(resolveSettings({}, noEnv).settings?.endpoint, DEFAULT_ENDPOINT);
    assert.equal(resolveSettings({ endpoint: 'http://x:1' }, (n) => (n === 'STREAMFORM_CLOUD_URL' ? 'http://y' : undefined)).settings?.endpoint, 'http://x:1');
  });

  it('reads cloud credentials from the environment', () => {
    const env: Record<string, string> = { CONFLUENT_CLOUD_API_KEY: 'k', CONFLUENT_CLOUD_API_SECRET: 's' };
    assert.deepEqual(resolveSettings({}, (n) => env[n]).settings?.cloudCredentials, { key: 'k', secret: 's' });
  });

  it('requires all three kafka_* arguments or none', () => {
    const r = resolveSettings({ kafka_api_key: 'k', kafka_api_secret: 's' }, noEnv);
    assert.equal(r.settings, undefined);
    assert.equal(r.diagnostics[0]?.code, 'confluent-provider-incomplete-group');
    assert.match(r.diagnostics[0]?.detail ?? '', /Missing: kafka_rest_endpoint/);
  });

  it('requires all seven flink settings or none', () => {
    const r = resolveSettings({ flink_api_key: 'k', flink_api_secret: 's', flink_rest_endpoint: 'http://f', organization_id: 'o', environment_id: 'env-1', flink_compute_pool_id: 'lfcp-1' }, noEnv);
    assert.match(r.diagnostics[0]?.detail ?? '', /Missing: flink_principal_id/);
    const ok = resolveSettings({ flink_api_key: 'k', flink_api_secret: 's', flink_rest_endpoint: 'http://f', organization_id: 'o', environment_id: 'env-1', flink_compute_pool_id: 'lfcp-1', flink_principal_id: 'sa-1' }, noEnv);
    assert.equal(ok.settings?.flink?.principalId, 'sa-1');
  });

  it('requires all four schema registry settings (catalog endpoint may stand in)', () => {
    assert.equal(resolveSettings({ schema_registry_id: 'lsrc-1', schema_registry_api_key: 'k', schema_registry_api_secret: 's' }, noEnv).diagnostics.length, 1);
    const ok = resolveSettings({ schema_registry_id: 'lsrc-1', schema_registry_api_key: 'k', schema_registry_api_secret: 's', catalog_rest_endpoint: 'http://sr' }, noEnv);
    assert.equal(ok.settings?.schemaRegistry?.restEndpoint, 'http://sr');
  });

  it('rejects max_retries below 4', () => {
    assert.equal(resolveSettings({ max_retries: 2 }, noEnv).diagnostics[0]?.code, 'confluent-provider-max-retries');
    assert.equal(resolveSettings({ max_retries: 7 }, noEnv).settings?.maxRetries, 7);
  });

  it('applies the oauth rules', () => {
    const withKey = resolveSettings({ cloud_api_key: 'k', cloud_api_secret: 's', oauth: { oauth_identity_pool_id: 'pool-1', oauth_external_token_url: 'http://t' } }, noEnv);
    assert.ok(withKey.diagnostics.some((d) => d.code === 'confluent-provider-oauth-conflict'));
    const both = resolveSettings({ oauth: { oauth_identity_pool_id: 'pool-1', oauth_external_token_url: 'http://t', oauth_external_access_token: 'x' } }, noEnv);
    assert.ok(both.diagnostics.some((d) => d.code === 'confluent-provider-oauth-token'));
    const ok = resolveSettings({ oauth: { oauth_identity_pool_id: 'pool-1', oauth_external_access_token: 'x' } }, noEnv);
    assert.equal(ok.settings?.oauth, true);
  });
});
