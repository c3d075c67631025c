/**
 * The predefined roles and what each allows, by resource type (the last CRN segment key) and
 * operation. A binding grants its role on every CRN its pattern covers.
 */
import type { Operation } from './types.js';

const ALL: readonly Operation[] = ['Describe', 'Read', 'Write', 'Manage', 'Use', 'Assign', 'Grant'];
const DATA_TYPES = ['topic', 'group', 'transactional-id', 'subject'];

type Grants = { readonly [resourceType: string]: readonly Operation[] };

/** Role name → resource type (`*` = any) → allowed operations. */
const ROLES: { readonly [role: string]: Grants } = {
  OrganizationAdmin: { '*': ALL },
  EnvironmentAdmin: { '*': ALL },
  CloudClusterAdmin: { 'cloud-cluster': ALL, kafka: ALL, topic: ALL, group: ALL, 'transactional-id': ALL, connector: ALL },
  FlinkAdmin: { 'compute-pool': ALL, statement: ALL, 'flink-region': ['Describe', 'Use'], environment: ['Describe'] },
  FlinkDeveloper: { 'compute-pool': ['Describe', 'Use'], statement: ALL, 'flink-region': ['Describe', 'Use'], environment: ['Describe'] },
  DeveloperRead: grantsFor(DATA_TYPES, ['Describe', 'Read']),
  DeveloperWrite: grantsFor(DATA_TYPES, ['Describe', 'Write']),
  DeveloperManage: grantsFor(DATA_TYPES, ['Describe', 'Manage']),
  ResourceOwner: { ...grantsFor([...DATA_TYPES, 'service-account', 'connector'], ALL) },
  Assigner: { 'service-account': ['Describe', 'Assign'] },
  Operator: { '*': ['Describe'] },
  MetricsViewer: { '*': ['Describe'] },
  AccountAdmin: { 'service-account': ALL, user: ALL, organization: ['Describe'] },
  ResourceKeyAdmin: { '*': ['Describe'] },
  DataDiscovery: { subject: ['Describe'], topic: ['Describe'] },
  DataSteward: { subject: ALL, 'schema-registry': ['Describe', 'Manage'] },
  BillingAdmin: { organization: ['Describe'] },
  NetworkAdmin: { network: ALL },
};

function grantsFor(types: readonly string[], ops: readonly Operation[]): Grants {
  const g: Record<string, readonly Operation[]> = {};
  for (const t of types) g[t] = ops;
  return g;
}

/** Every role name a role binding may use, sorted. */
export const KNOWN_ROLES: readonly string[] = Object.keys(ROLES).sort();

/** True when `role` grants `op` on resources of `resourceType`. */
export function roleAllows(role: string, resourceType: string, op: Operation): boolean {
  const g = ROLES[role];
  if (g === undefined) return false;
  return (g[resourceType] ?? g['*'] ?? []).includes(op);
}

/** The roles that would allow `op` on `resourceType` (for 403 messages), sorted. */
export function rolesAllowing(resourceType: string, op: Operation): readonly string[] {
  return KNOWN_ROLES.filter((r) => roleAllows(r, resourceType, op));
}
