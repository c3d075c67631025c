/**
 * Networking, tag and other resources that streamform accepts and keeps as metadata in state:
 * no API call is made (the local cloud has no private networking), ids are generated with the
 * official prefixes (n-, platt-, plattc-, peer-, tgwa-, pla-, dnsf-, ap-), and a change is an
 * in-place update of state unless it moves the object to another environment or network.
 * Against real Confluent Cloud these objects must be created with the official provider.
 */
import type { ObjectValue, Value } from '../../lang/index.js';
import type { AttributeSchema, BlockSchema, NestedBlockSchema, ResourceSchema } from '../../provider/index.js';
import { str } from './attribute-access.js';
import { T, REPLACE, computed, idBlock, optional, optionalComputed, required } from './schema-blocks.js';
import type { ConfluentResource, ResourceContext } from './types.js';

/**
 * Compact field list: `name` optional string, `name!` required, `name~` computed,
 * `name?~` optional+computed, suffix `[]` list(string), `:bool`, `:number`, `:map`.
 */
function fields(spec: string): Record<string, AttributeSchema> {
  const out: Record<string, AttributeSchema> = {};
  for (const raw of spec.split(/\s+/).filter((s) => s !== '')) {
    const [head, kind] = raw.split(':');
    let name = head ?? '';
    const list = name.endsWith('[]');
    if (list) name = name.slice(0, -2);
    const mode = name.endsWith('?~') ? 'optcomp' : name.endsWith('~') ? 'comp' : name.endsWith('!') ? 'req' : 'opt';
    name = name.replace(/[?~!]+$/, '');
    const type = list ? T.list(T.string) : kind === 'bool' ? T.bool : kind === 'number' ? T.number : kind === 'map' ? T.map(T.string) : T.string;
    out[name] = mode === 'req' ? required(type) : mode === 'comp' ? computed(type) : mode === 'optcomp' ? optionalComputed(type) : optional(type);
  }
  return out;
}

function one(spec: string, extra: Partial<NestedBlockSchema> = {}): NestedBlockSchema {
  return { nesting: 'single', maxItems: 1, block: { attributes: fields(spec) }, ...extra };
}

const env = idBlock({ required: true, pattern: /^env-/, rule: 'start with env-' });
const srBlocks = {
  schema_registry_cluster: idBlock({}),
  credentials: { nesting: 'single', maxItems: 1, sensitive: true, block: { attributes: { key: required(T.string, REPLACE, { sensitive: true }), secret: required(T.string, REPLACE, { sensitive: true }) } } } satisfies NestedBlockSchema,
};

interface MetadataSpec {
  readonly prefix: string;
  readonly block: BlockSchema;
  /** Builds the id (default: prefix + random suffix). */
  readonly id?: (planned: ObjectValue) => string;
  readonly extra?: (planned: ObjectValue, id: string) => ObjectValue;
}

const SPECS: Readonly<Record<string, MetadataSpec>> = {
  confluent_network: {
    prefix: 'n-',
    block: {
      attributes: fields('display_name?~ cloud! region! connection_types[]! zones[]?~ cidr?~ reserved_cidr?~ resource_name~ dns_domain~ zonal_subdomains~:map endpoint_suffix~'),
      blocks: {
        environment: env, dns_config: one('resolution!', { computed: true }),
        zone_info: { nesting: 'list', block: { attributes: fields('zone_id cidr') } },
        aws: one('vpc~ account~ private_link_endpoint_service~', { computed: true }),
        azure: one('private_link_service_aliases~:map', { computed: true }),
        gcp: one('project~ vpc_network~ private_service_connect_service_attachments~:map', { computed: true }),
      },
    },
    extra: (p, id) => ({ resource_name: `crn://confluent.cloud/organization=local/environment=${envOf(p)}/network=${id}`, dns_domain: `${id}.${str(p, 'region') ?? 'local'}.${(str(p, 'cloud') ?? 'aws').toLowerCase()}.confluent.cloud`, endpoint_suffix: `-${id}.${str(p, 'region') ?? 'local'}.${(str(p, 'cloud') ?? 'aws').toLowerCase()}.confluent.cloud` }),
  },
  confluent_private_link_attachment: {
    prefix: 'platt-',
    block: {
      attributes: fields('display_name! cloud! region! resource_name~ dns_domain~'),
      blocks: { environment: env, aws: one('vpc_endpoint_service_name~', { computed: true }), azure: one('private_link_service_alias~ private_link_service_resource_id~', { computed: true }), gcp: one('private_service_connect_service_attachment~', { computed: true }) },
    },
    extra: (p, id) => ({ resource_name: `crn://confluent.cloud/organization=local/environment=${envOf(p)}/private-link-attachment=${id}`, dns_domain: `${str(p, 'region') ?? 'local'}.${(str(p, 'cloud') ?? 'aws').toLowerCase()}.private.confluent.cloud` }),
  },
  confluent_private_link_attachment_connection: {
    prefix: 'plattc-',
    block: {
      attributes: fields('display_name?~ resource_name~'),
      blocks: { environment: env, private_link_attachment: idBlock({ required: true }), aws: one('vpc_endpoint_id!'), azure: one('private_endpoint_resource_id!'), gcp: one('private_service_connect_connection_id!') },
    },
  },
  confluent_peering: {
    prefix: 'peer-',
    block: {
      attributes: fields('display_name?~'),
      blocks: { environment: env, network: idBlock({ required: true }), aws: one('account! vpc! routes[]! customer_region!'), azure: one('tenant! vnet! customer_region!'), gcp: one('project! vpc_network! import_custom_routes:bool') },
    },
  },
  confluent_transit_gateway_attachment: {
    prefix: 'tgwa-',
    block: {
      attributes: fields('display_name?~'),
      blocks: { environment: env, network: idBlock({ required: true }), aws: one('ram_resource_share_arn! transit_gateway_id! routes[]! transit_gateway_attachment_id~') },
    },
  },
  confluent_private_link_access: {
    prefix: 'pla-',
    block: {
      attributes: fields('display_name?~'),
      blocks: { environment: env, network: idBlock({ required: true }), aws: one('account!'), azure: one('subscription!'), gcp: one('project!') },
    },
  },
  confluent_dns_forwarder: {
    prefix: 'dnsf-',
    block: {
      attributes: fields('display_name?~ domains[]'),
      blocks: { environment: env, gateway: idBlock({ required: true }), forward_via_ip: one('dns_server_ips[]!'), forward_via_gcp_dns_zones: one('domain_mappings:map') },
    },
  },
  confluent_access_point: {
    prefix: 'ap-',
    block: {
      attributes: fields('display_name?~'),
      blocks: {
        environment: env, gateway: idBlock({ required: true }),
        aws_egress_private_link_endpoint: one('vpc_endpoint_service_name! enable_high_availability:bool vpc_endpoint_id~ vpc_endpoint_dns_name~'),
        azure_egress_private_link_endpoint: one('private_link_service_resource_id! private_link_subresource_name private_endpoint_resource_id~ private_endpoint_domain~ private_endpoint_ip_address~'),
        aws_private_network_interface: one('network_interfaces[]! account!'),
      },
    },
  },
  confluent_tag: {
    prefix: '',
    block: { attributes: fields('name! description?~ rest_endpoint version~:number entity_types[]~'), blocks: srBlocks },
    id: (p) => `${blockIdOf(p, 'schema_registry_cluster') ?? 'lsrc'}/${str(p, 'name') ?? ''}`,
  },
  confluent_tag_binding: {
    prefix: '',
    block: { attributes: fields('tag_name! entity_name! entity_type! rest_endpoint'), blocks: srBlocks },
    id: (p) => `${blockIdOf(p, 'schema_registry_cluster') ?? 'lsrc'}/${str(p, 'tag_name') ?? ''}/${str(p, 'entity_name') ?? ''}/${str(p, 'entity_type') ?? ''}`,
  },
};

function blockIdOf(attrs: ObjectValue, name: string): string | undefined {
  const v = attrs[name];
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'id' in v && typeof v.id === 'string' ? v.id : undefined;
}

function envOf(p: ObjectValue): string {
  return blockIdOf(p, 'environment') ?? '';
}

/** A short random lower-case id suffix from the injected id source. */
function suffix(rc: ResourceContext): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(rc.ids.bytes(6), (b) => alphabet[b % alphabet.length]).join('');
}

/** Fills computed attributes and blocks that are still unknown with empty values. */
function settle(block: BlockSchema, v: ObjectValue): ObjectValue {
  const out: Record<string, Value> = { ...v };
  for (const [name, a] of Object.entries(block.attributes)) {
    const cur = out[name];
    if (cur === undefined || (typeof cur === 'object' && cur !== null && !Array.isArray(cur) && 'unknown' in cur)) {
      out[name] = a.type.kind === 'list' ? [] : a.type.kind === 'map' ? {} : a.type.kind === 'bool' ? false : a.type.kind === 'number' ? 0 : '';
    }
  }
  for (const [name, nb] of Object.entries(block.blocks ?? {})) {
    const cur = out[name];
    if (cur === undefined || (typeof cur === 'object' && cur !== null && !Array.isArray(cur) && 'unknown' in cur)) out[name] = nb.nesting === 'single' ? null : [];
    else if (nb.nesting === 'single' && typeof cur === 'object' && cur !== null && !Array.isArray(cur)) out[name] = settle(nb.block, cur as ObjectValue);
  }
  return out;
}

function metadataResource(spec: MetadataSpec): ConfluentResource {
  const schema: ResourceSchema = { ...spec.block, attributes: { ...spec.block.attributes, id: computed(T.string) } };
  return {
    schema,
    async create(planned, rc) {
      const id = spec.id !== undefined ? spec.id(planned) : `${spec.prefix}${suffix(rc)}`;
      return settle(schema, { ...planned, ...(spec.extra?.(planned, id) ?? {}), id });
    },
    read: async (state) => state,
    update: async (prior, planned) => settle(schema, { ...prior, ...Object.fromEntries(Object.entries(planned).filter(([, v]) => !(typeof v === 'object' && v !== null && !Array.isArray(v) && 'unknown' in v))) }),
  };
}

/** All metadata-only resource types, by type name. */
export const metadataResources: Readonly<Record<string, ConfluentResource>> = Object.fromEntries(
  Object.entries(SPECS).map(([type, spec]) => [type, metadataResource(spec)]),
);
