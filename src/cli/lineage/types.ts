/** Plain data of the lineage commands: the facts read from a configuration or a cloud, and the graph drawn from them. */

/** Where the facts came from. */
export type LineageSource = 'config' | 'cloud';

/** A Kafka topic known to exist (declared as confluent_kafka_topic, or listed by the cloud). */
export interface TopicFact {
  /** Flink catalog: the environment's display name. */
  readonly catalog: string;
  /** Flink database: the Kafka cluster's display name. */
  readonly database: string;
  readonly name: string;
  /** Terraform address, in config mode. */
  readonly address?: string;
}

/** A Flink statement with its SQL and the catalog/database its unqualified names resolve against. */
export interface StatementFact {
  readonly name: string;
  readonly sql: string;
  readonly catalog: string;
  readonly database: string;
  /** RUNNING, FAILED, STOPPED, ... (cloud mode). */
  readonly phase?: string;
  readonly address?: string;
}

/** A managed connector: sources write their topics, sinks read theirs. */
export interface ConnectorFact {
  readonly name: string;
  readonly className: string;
  readonly direction: 'source' | 'sink';
  readonly topics: readonly string[];
  readonly catalog: string;
  readonly database: string;
  /** RUNNING, PAUSED, FAILED, ... (cloud mode). */
  readonly state?: string;
  readonly address?: string;
}

/** Everything the graph is built from. */
export interface LineageFacts {
  readonly source: LineageSource;
  readonly topics: readonly TopicFact[];
  readonly statements: readonly StatementFact[];
  readonly connectors: readonly ConnectorFact[];
  /** Problems met while reading the facts (unresolvable references and the like). */
  readonly warnings: readonly string[];
}

/** What one statement reads and writes, as qualified names (`[catalog, database, table]` after resolution). */
export interface StatementTables {
  readonly sources: readonly (readonly string[])[];
  readonly sinks: readonly (readonly string[])[];
  /** Tables created without data flowing into them (CREATE TABLE without AS). */
  readonly creates: readonly (readonly string[])[];
  /** SQL kind shown on the node: INSERT, STATEMENT SET, CTAS, SELECT, CREATE TABLE, ... */
  readonly sqlKind: string;
  /** Set when the SQL could not be analysed (parse error, unsupported statement). */
  readonly warning?: string;
}

/** Node kinds of the lineage graph. */
export type NodeKind = 'topic' | 'statement' | 'connector';

/** A node of the lineage graph. */
export interface LineageNode {
  /** `topic:cat.db.table`, `statement:name`, `connector:name`. */
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
  /** Topic and connector nodes: the environment and cluster they live in. */
  readonly catalog?: string;
  readonly database?: string;
  /** Statement phase or connector state (cloud mode). */
  readonly phase?: string;
  /** Statements: the SQL kind; connectors: the connector class. */
  readonly detail?: string;
  /** Topics that are not Kafka topics of a cluster (`examples.marketplace.*`). */
  readonly external?: boolean;
  /** Topics referenced by SQL or connectors but not declared (config) or not listed (cloud). */
  readonly undeclared?: boolean;
  /** Why the statement could not be analysed. */
  readonly warning?: string;
  readonly address?: string;
}

/** A data-flow edge: data moves from `from` to `to`. */
export interface LineageEdge {
  readonly from: string;
  readonly to: string;
}

/** The topic-level lineage graph; nodes and edges sorted for stable output. */
export interface LineageGraph {
  readonly source: LineageSource;
  readonly nodes: readonly LineageNode[];
  readonly edges: readonly LineageEdge[];
  readonly warnings: readonly string[];
}
