/** Plain data shared by the `streamform` commands that look inside a cloud (env, cluster, topic, schema, ...). */

/** Where the cloud is and how to authenticate to it. */
export interface Connection {
  /** Base URL of the control plane (`http://127.0.0.1:<port>` for the local cloud). */
  readonly url: string;
  /** HTTP Basic credentials, when the cloud requires API keys. */
  readonly credentials?: { readonly key: string; readonly secret: string };
  /**
   * The local cloud's data directory, when `url` is known to be served from it. Reading records
   * opens `<dataDir>/cloud.db` read-only, since Kafka REST v3 has no consume endpoint.
   */
  readonly dataDir?: string;
}

/** An environment as the commands show it. */
export interface EnvironmentRef {
  readonly id: string;
  readonly name: string;
  readonly streamGovernance: string | null;
}

/** A Kafka cluster as the commands show it; `restUrl` is its Kafka REST v3 base. */
export interface ClusterRef {
  readonly id: string;
  readonly name: string;
  readonly environmentId: string;
  readonly type: string;
  readonly cloud: string;
  readonly region: string;
  readonly availability: string;
  readonly status: string;
  readonly restUrl: string;
}

/** A Schema Registry cluster: `url` is the base of its REST API (`…/sr/lsrc-x`). */
export interface RegistryRef {
  readonly id: string;
  readonly environmentId: string;
  readonly url: string;
}

/** One cell of a table row. */
export type Cell = string | number | boolean | null;

/** One column of a human table: `key` is the JSON field it shows. */
export interface Column {
  readonly key: string;
  readonly title: string;
}

/** A row of a list: the JSON object printed with --json, shown through columns otherwise. */
export type Row = { readonly [key: string]: Cell };

/** A record read from a topic, decoded for printing. */
export interface ConsumedRecord {
  readonly partition: number;
  readonly offset: number;
  readonly timestamp: number;
  readonly key: unknown;
  readonly value: unknown;
  readonly headers: readonly { readonly key: string; readonly value: string | null }[];
  /** Schema Registry id of the value, when it was written in the Confluent wire format. */
  readonly valueSchemaId?: number;
}
