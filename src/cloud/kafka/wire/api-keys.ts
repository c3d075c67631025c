/**
 * The Kafka APIs this listener implements and the version ranges it advertises in ApiVersions.
 * Advertise exactly what the handlers read and write: clients pick the highest common version.
 */

/** Kafka API keys handled here. */
export const API = {
  Produce: 0, Fetch: 1, ListOffsets: 2, Metadata: 3, OffsetCommit: 8, OffsetFetch: 9,
  FindCoordinator: 10, JoinGroup: 11, Heartbeat: 12, LeaveGroup: 13, SyncGroup: 14,
  DescribeGroups: 15, ListGroups: 16,
  SaslHandshake: 17, ApiVersions: 18, CreateTopics: 19, DeleteTopics: 20, InitProducerId: 22,
  DescribeConfigs: 32, SaslAuthenticate: 36,
} as const;

/** One API's advertised versions and the first flexible (compact + tagged fields) version. */
export interface ApiVersionRange {
  readonly apiKey: number;
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** First flexible version; Infinity when none of the supported versions is flexible. */
  readonly flexibleFrom: number;
}

function range(name: keyof typeof API, min: number, max: number, flexibleFrom: number): ApiVersionRange {
  return { apiKey: API[name], name, min, max, flexibleFrom };
}

/** Every supported API, sorted by key. */
export const SUPPORTED_APIS: readonly ApiVersionRange[] = [
  range('Produce', 3, 9, 9),
  range('Fetch', 4, 12, 12),
  range('ListOffsets', 1, 6, 6),
  range('Metadata', 0, 12, 9),
  range('OffsetCommit', 0, 8, 8),
  range('OffsetFetch', 0, 7, 6),
  range('FindCoordinator', 0, 4, 3),
  range('JoinGroup', 0, 7, 6),
  range('Heartbeat', 0, 4, 4),
  range('LeaveGroup', 0, 4, 4),
  range('SyncGroup', 0, 5, 4),
  range('DescribeGroups', 0, 5, 5),
  range('ListGroups', 0, 4, 3),
  range('SaslHandshake', 0, 1, Infinity),
  range('ApiVersions', 0, 3, 3),
  range('CreateTopics', 0, 5, 5),
  range('DeleteTopics', 0, 5, 4),
  range('InitProducerId', 0, 4, 2),
  range('DescribeConfigs', 0, 4, 4),
  range('SaslAuthenticate', 0, 2, 2),
];

const BY_KEY = new Map(SUPPORTED_APIS.map((a) => [a.apiKey, a]));

/** The advertised range of an API key, or undefined when the key is not implemented. */
export function apiRange(apiKey: number): ApiVersionRange | undefined {
  return BY_KEY.get(apiKey);
}
