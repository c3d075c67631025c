/** Plain data of the consumer-group coordinator: join/sync inputs and results. */

/** Kafka's group states (Dead groups are simply forgotten here). */
export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable';

/** One protocol a member offers (e.g. `range`, `roundrobin`) with its opaque metadata. */
export interface GroupProtocol {
  readonly name: string;
  readonly metadata: Buffer;
}

/** A JoinGroup request, decoded. */
export interface JoinRequest {
  readonly cluster: string;
  readonly groupId: string;
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly clientId: string;
  /** `/<address>` of the member's connection, as DescribeGroups shows it. */
  readonly clientHost: string;
  readonly protocolType: string;
  readonly protocols: readonly GroupProtocol[];
  readonly sessionTimeoutMs: number;
  readonly rebalanceTimeoutMs: number;
  /** JoinGroup v4+: a first join without a member id gets MEMBER_ID_REQUIRED and an id to retry with. */
  readonly requireKnownMemberId: boolean;
}

/** A member as the leader receives it in its JoinGroup response. */
export interface JoinedMember {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly metadata: Buffer;
}

/** The answer to a JoinGroup. */
export interface JoinResult {
  readonly error: number;
  readonly generationId: number;
  readonly protocolType: string | null;
  readonly protocolName: string | null;
  readonly leader: string;
  readonly memberId: string;
  /** Non-empty for the leader only. */
  readonly members: readonly JoinedMember[];
}

/** A SyncGroup request, decoded. */
export interface SyncRequest {
  readonly cluster: string;
  readonly groupId: string;
  readonly generationId: number;
  readonly memberId: string;
  readonly assignments: readonly { readonly memberId: string; readonly assignment: Buffer }[];
}

/** The answer to a SyncGroup. */
export interface SyncResult {
  readonly error: number;
  readonly protocolType: string | null;
  readonly protocolName: string | null;
  readonly assignment: Buffer;
}

/** Who a group-scoped request comes from. */
export interface MemberRef {
  readonly cluster: string;
  readonly groupId: string;
  readonly generationId: number;
  readonly memberId: string;
}

/** A group as DescribeGroups and ListGroups show it. */
export interface GroupDescription {
  readonly groupId: string;
  /** Kafka's state names; `Dead` for a group the coordinator does not know. */
  readonly state: GroupState | 'Dead';
  readonly protocolType: string;
  readonly protocol: string;
  readonly members: readonly {
    readonly memberId: string;
    readonly groupInstanceId: string | null;
    readonly clientId: string;
    readonly clientHost: string;
    readonly metadata: Buffer;
    readonly assignment: Buffer;
  }[];
}
