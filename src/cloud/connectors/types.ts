/** Stored connectors and the managed-connector plugin catalog. */

/** Connector lifecycle states as Confluent's Connect API reports them. */
export type ConnectorState = 'PROVISIONING' | 'RUNNING' | 'PAUSED' | 'FAILED' | 'DEGRADED';

/** One stored connector. */
export interface ConnectorRecord {
  readonly id: string;
  readonly environmentId: string;
  readonly clusterId: string;
  readonly name: string;
  /** The whole config including `name` and `connector.class`. */
  readonly config: { readonly [key: string]: string };
  readonly state: ConnectorState;
  readonly trace?: string;
  /** Source offsets, as set by the runtime or an offsets request. */
  readonly offsets: readonly ConnectorOffset[];
  /** The last offsets request (PATCH or DELETE), applied at once. */
  readonly lastOffsetsRequest?: OffsetsRequest;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One partition/offset pair of a connector. */
export interface ConnectorOffset {
  readonly partition: { readonly [key: string]: unknown };
  readonly offset: { readonly [key: string]: unknown };
}

/** An applied offsets request. */
export interface OffsetsRequest {
  readonly type: 'PATCH' | 'DELETE';
  readonly offsets: readonly ConnectorOffset[];
  readonly previousOffsets: readonly ConnectorOffset[];
  readonly requestedAt: string;
}

/** A config key a plugin understands. */
export interface PluginConfigKey {
  readonly name: string;
  readonly required: boolean;
  readonly sensitive?: boolean;
  readonly allowed?: readonly string[];
}

/** A managed connector plugin. */
export interface ConnectorPlugin {
  readonly className: string;
  readonly type: 'source' | 'sink';
  readonly version: string;
  readonly keys: readonly PluginConfigKey[];
}
