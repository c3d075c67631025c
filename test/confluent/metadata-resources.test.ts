import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { converge, destroy, plan, refresh, startHarness } from './provider-harness.js';
import type { Harness } from './provider-harness.js';

describe('metadata-only resources', () => {
  let h: Harness;
  before(async () => { h = await startHarness(); });
  after(() => h.close());

  it('stores networking objects in state with the official id prefixes', async () => {
    const network = await converge(h, 'confluent_network', null, { cloud: 'AWS', region: 'us-east-2', connection_types: ['PRIVATELINK'], environment: { id: 'env-abc' } });
    assert.match(String(network.id), /^n-[a-z0-9]{6}$/);
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['confluent_private_link_attachment', { display_name: 'pla', cloud: 'AWS', region: 'us-east-2', environment: { id: 'env-abc' } }, /^platt-/],
      ['confluent_private_link_attachment_connection', { environment: { id: 'env-abc' }, private_link_attachment: { id: 'platt-1' }, aws: { vpc_endpoint_id: 'vpce-1' } }, /^plattc-/],
      ['confluent_peering', { environment: { id: 'env-abc' }, network: { id: String(network.id) }, aws: { account: '1', vpc: 'vpc-1', routes: ['10.0.0.0/16'], customer_region: 'us-east-2' } }, /^peer-/],
      ['confluent_transit_gateway_attachment', { environment: { id: 'env-abc' }, network: { id: String(network.id) }, aws: { ram_resource_share_arn: 'arn', transit_gateway_id: 'tgw-1', routes: ['10.0.0.0/16'] } }, /^tgwa-/],
      ['confluent_private_link_access', { environment: { id: 'env-abc' }, network: { id: String(network.id) }, aws: { account: '1' } }, /^pla-/],
      ['confluent_dns_forwarder', { environment: { id: 'env-abc' }, gateway: { id: 'gw-1' }, forward_via_ip: { dns_server_ips: ['10.0.0.2'] } }, /^dnsf-/],
      ['confluent_access_point', { environment: { id: 'env-abc' }, gateway: { id: 'gw-1' }, aws_egress_private_link_endpoint: { vpc_endpoint_service_name: 'svc' } }, /^ap-/],
    ];
    for (const [type, cfg, prefix] of cases) {
      const s = await converge(h, type, null, cfg as never);
      assert.match(String(s.id), prefix, type);
      assert.deepEqual(await refresh(h, type, s), s);
      await destroy(h, type, s);
    }
    const moved = await plan(h, 'confluent_network', network, { cloud: 'AWS', region: 'us-east-2', connection_types: ['PRIVATELINK'], environment: { id: 'env-other' } });
    assert.ok(moved.requiresReplace?.some((r) => r.path === 'environment'));
    const renamed = await converge(h, 'confluent_network', network, { display_name: 'net', cloud: 'AWS', region: 'us-east-2', connection_types: ['PRIVATELINK'], environment: { id: 'env-abc' } });
    assert.equal(renamed.id, network.id);
    assert.equal(renamed.display_name, 'net');
  });
});
