/** Stored control-plane records (internal shapes; routes render Confluent's wire shapes from them). */

/** Timestamps common to every record (RFC 3339 strings from the injected clock). */
export interface Stamped {
  readonly id: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type GovernancePackage = 'ESSENTIALS' | 'ADVANCED';
export type CloudProvider = 'AWS' | 'AZURE' | 'GCP';
export type Availability = 'SINGLE_ZONE' | 'MULTI_ZONE' | 'LOW' | 'HIGH';
export type ClusterKind = 'Basic' | 'Standard' | 'Enterprise' | 'Dedicated' | 'Freight';

export interface EnvironmentRecord extends Stamped {
  readonly displayName: string;
  readonly governance?: GovernancePackage;
}

export interface KafkaClusterRecord extends Stamped {
  readonly environmentId: string;
  readonly displayName: string;
  readonly availability: Availability;
  readonly cloud: CloudProvider;
  readonly region: string;
  readonly clusterKind: ClusterKind;
  readonly cku?: number;
  /** Elastic clusters (all but Dedicated): the eCKU ceiling asked for, when one was. */
  readonly maxEcku?: number;
}

export interface SrClusterRecord extends Stamped {
  readonly environmentId: string;
  readonly package: GovernancePackage;
  readonly cloud: CloudProvider;
  readonly region: string;
}

export interface ComputePoolRecord extends Stamped {
  readonly environmentId: string;
  readonly displayName: string;
  readonly cloud: CloudProvider;
  readonly region: string;
  readonly maxCfu: number;
  readonly defaultPool: boolean;
}

export interface ServiceAccountRecord extends Stamped {
  readonly displayName: string;
  readonly description: string;
}

/** A human user; only the bootstrap admin exists locally. */
export interface UserRecord extends Stamped {
  readonly email: string;
  readonly fullName: string;
}

/** What an API key is scoped to (absent = Cloud key). */
export interface ApiKeyResource {
  readonly id: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly environmentId?: string;
}

export interface ApiKeyRecord extends Stamped {
  readonly displayName: string;
  readonly description: string;
  readonly ownerId: string;
  readonly secretHash: string;
  readonly resource?: ApiKeyResource;
}

export interface RoleBindingRecord extends Stamped {
  readonly principal: string;
  readonly roleName: string;
  readonly crnPattern: string;
}

export interface ComputePoolConfigRecord extends Stamped {
  readonly defaultPoolEnabled: boolean;
  readonly defaultPoolMaxCfu: number;
}

/** Document kinds and their record types. */
export interface DocKinds {
  environment: EnvironmentRecord;
  'kafka-cluster': KafkaClusterRecord;
  'sr-cluster': SrClusterRecord;
  'compute-pool': ComputePoolRecord;
  'service-account': ServiceAccountRecord;
  user: UserRecord;
  'api-key': ApiKeyRecord;
  'role-binding': RoleBindingRecord;
  'compute-pool-config': ComputePoolConfigRecord;
}
export type DocKind = keyof DocKinds;
export type DocOf<K extends DocKind> = DocKinds[K];
