/**
 * The consumer-group coordinator of the local cloud's one broker: membership, generations,
 * leader election, protocol selection and assignment passthrough (the leader computes the
 * assignment; the coordinator only hands it out), rebalances when members join, leave or miss
 * their session timeout. Group state lives in memory: after a restart members simply rejoin,
 * as they do after a coordinator failover. Committed offsets are durable (ConsumerOffsets).
 */
import type { IdSource } from '../../../shared/index.js';
import { ERR } from './error-codes.js';
import type { GroupDescription, GroupState, JoinRequest, JoinResult, JoinedMember, MemberRef, SyncRequest, SyncResult } from './group-types.js';
import { fitsGroup, selectProtocol } from './protocol-vote.js';

interface Member {
  readonly id: string;
  readonly clientId: string;
  readonly clientHost: string;
  groupInstanceId: string | null;
  protocolType: string;
  protocols: JoinRequest['protocols'];
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  assignment: Buffer;
  joinWaiter: ((r: JoinResult) => void) | undefined;
  syncWaiter: ((r: SyncResult) => void) | undefined;
  sessionTimer: NodeJS.Timeout | undefined;
}

interface Group {
  readonly key: string;
  readonly groupId: string;
  state: GroupState;
  generation: number;
  protocolType: string | null;
  protocol: string | null;
  leader: string | undefined;
  readonly members: Map<string, Member>;
  readonly pending: Map<string, NodeJS.Timeout>;
  rebalanceTimer: NodeJS.Timeout | undefined;
  /** True while a new group waits `initialRebalanceDelayMs` for more members to join. */
  holding: boolean;
}

const EMPTY: Buffer = Buffer.alloc(0);

/** In-memory consumer groups of every cluster served by one listener. */
export class GroupCoordinator {
  readonly #groups = new Map<string, Group>();
  readonly #ids: IdSource;
  readonly #initialDelayMs: number;
  #closed = false;

  constructor(opts: { ids: IdSource; initialRebalanceDelayMs?: number }) {
    this.#ids = opts.ids;
    this.#initialDelayMs = opts.initialRebalanceDelayMs ?? 0;
  }

  /** Joins (or rejoins) a member; resolves when the next generation forms. */
  join(req: JoinRequest): Promise<JoinResult> {
    const fail = (error: number, memberId = req.memberId): Promise<JoinResult> =>
      Promise.resolve({ error, generationId: -1, protocolType: null, protocolName: null, leader: '', memberId, members: [] });
    if (this.#closed) return fail(ERR.COORDINATOR_NOT_AVAILABLE);
    if (req.groupId === '') return fail(ERR.INVALID_GROUP_ID);
    if (req.sessionTimeoutMs <= 0) return fail(ERR.INVALID_SESSION_TIMEOUT);
    const g = this.#group(req.cluster, req.groupId);
    if (g.members.size > 0 && !fitsGroup({ protocolType: g.protocolType, members: [...g.members.values()] }, req)) return fail(ERR.INCONSISTENT_GROUP_PROTOCOL);
    let memberId = req.memberId;
    if (memberId === '') {
      memberId = `${req.clientId}-${this.#ids.uuid()}`;
      if (req.requireKnownMemberId) {
        const t = setTimeout(() => g.pending.delete(memberId), req.sessionTimeoutMs);
        t.unref();
        g.pending.set(memberId, t);
        return fail(ERR.MEMBER_ID_REQUIRED, memberId);
      }
    } else if (!g.members.has(memberId) && !g.pending.has(memberId)) {
      return fail(ERR.UNKNOWN_MEMBER_ID);
    }
    const pendingTimer = g.pending.get(memberId);
    if (pendingTimer !== undefined) clearTimeout(pendingTimer);
    g.pending.delete(memberId);
    let m = g.members.get(memberId);
    if (m === undefined) {
      m = { id: memberId, clientId: req.clientId, clientHost: req.clientHost, groupInstanceId: req.groupInstanceId, protocolType: req.protocolType, protocols: req.protocols, sessionTimeoutMs: req.sessionTimeoutMs, rebalanceTimeoutMs: req.rebalanceTimeoutMs, assignment: EMPTY, joinWaiter: undefined, syncWaiter: undefined, sessionTimer: undefined };
      g.members.set(memberId, m);
    }
    m.groupInstanceId = req.groupInstanceId;
    m.protocolType = req.protocolType;
    m.protocols = req.protocols;
    m.sessionTimeoutMs = req.sessionTimeoutMs;
    m.rebalanceTimeoutMs = req.rebalanceTimeoutMs;
    if (g.protocolType === null || g.members.size === 1) g.protocolType = req.protocolType;
    const member = m;
    const result = new Promise<JoinResult>((resolve) => {
      member.joinWaiter?.({ error: ERR.UNKNOWN_MEMBER_ID, generationId: -1, protocolType: null, protocolName: null, leader: '', memberId, members: [] });
      member.joinWaiter = resolve;
    });
    clearTimeout(member.sessionTimer);
    member.sessionTimer = undefined;
    if (g.state !== 'PreparingRebalance') this.#prepareRebalance(g);
    else this.#maybeCompleteJoin(g);
    return result;
  }

  /** Hands the leader's assignment to each member; followers wait for the leader. */
  sync(req: SyncRequest): Promise<SyncResult> {
    const g = this.#groups.get(groupKey(req.cluster, req.groupId));
    const m = g?.members.get(req.memberId);
    const answer = (error: number, assignment = EMPTY): SyncResult => ({ error, protocolType: g?.protocolType ?? null, protocolName: g?.protocol ?? null, assignment });
    if (g === undefined || m === undefined) return Promise.resolve(answer(ERR.UNKNOWN_MEMBER_ID));
    if (req.generationId !== g.generation) return Promise.resolve(answer(ERR.ILLEGAL_GENERATION));
    if (g.state === 'PreparingRebalance') return Promise.resolve(answer(ERR.REBALANCE_IN_PROGRESS));
    this.#touch(g, m);
    if (g.state === 'Stable') return Promise.resolve(answer(ERR.NONE, m.assignment));
    const result = new Promise<SyncResult>((resolve) => { m.syncWaiter = resolve; });
    if (req.memberId === g.leader) {
      const byMember = new Map(req.assignments.map((a) => [a.memberId, a.assignment]));
      g.state = 'Stable';
      for (const member of g.members.values()) {
        member.assignment = byMember.get(member.id) ?? EMPTY;
        const w = member.syncWaiter;
        member.syncWaiter = undefined;
        w?.(answer(ERR.NONE, member.assignment));
      }
    }
    return result;
  }

  /** Keeps a member alive; tells it when a rebalance is under way. */
  heartbeat(ref: MemberRef): number {
    const check = this.#check(ref);
    if (check.error !== ERR.NONE || check.group === undefined || check.member === undefined) return check.error;
    this.#touch(check.group, check.member);
    return check.group.state === 'PreparingRebalance' ? ERR.REBALANCE_IN_PROGRESS : ERR.NONE;
  }

  /** Removes members; the rest rebalance. Returns an error code per member, in input order. */
  leave(cluster: string, groupId: string, memberIds: readonly string[]): number[] {
    const g = this.#groups.get(groupKey(cluster, groupId));
    return memberIds.map((id) => {
      const m = g?.members.get(id);
      if (g === undefined || m === undefined) return ERR.UNKNOWN_MEMBER_ID;
      this.#remove(g, m);
      return ERR.NONE;
    });
  }

  /**
   * Whether an OffsetCommit may store offsets: generation -1 with no member id is a simple
   * (group-less) commit, allowed while the group has no members.
   */
  checkCommit(ref: MemberRef): number {
    const g = this.#groups.get(groupKey(ref.cluster, ref.groupId));
    if (ref.generationId < 0 && ref.memberId === '') return g === undefined || g.members.size === 0 ? ERR.NONE : ERR.UNKNOWN_MEMBER_ID;
    const check = this.#check(ref);
    if (check.error !== ERR.NONE || check.group === undefined || check.member === undefined) return check.error;
    this.#touch(check.group, check.member);
    return check.group.state === 'Stable' ? ERR.NONE : ERR.REBALANCE_IN_PROGRESS;
  }

  /** The state of a group (Empty when unknown), for tests and describe calls. */
  state(cluster: string, groupId: string): { readonly state: GroupState; readonly generation: number; readonly members: number } {
    const g = this.#groups.get(groupKey(cluster, groupId));
    return g === undefined ? { state: 'Empty', generation: 0, members: 0 } : { state: g.state, generation: g.generation, members: g.members.size };
  }

  /** A group's members and state; `Dead` when the coordinator does not know it. */
  describe(cluster: string, groupId: string): GroupDescription {
    const g = this.#groups.get(groupKey(cluster, groupId));
    if (g === undefined) return { groupId, state: 'Dead', protocolType: '', protocol: '', members: [] };
    const members = [...g.members.values()].map((m) => ({
      memberId: m.id, groupInstanceId: m.groupInstanceId, clientId: m.clientId, clientHost: m.clientHost,
      metadata: m.protocols.find((p) => p.name === g.protocol)?.metadata ?? EMPTY, assignment: m.assignment,
    }));
    return { groupId, state: g.state, protocolType: g.protocolType ?? '', protocol: g.state === 'Stable' || g.state === 'CompletingRebalance' ? g.protocol ?? '' : '', members };
  }

  /** Groups of a cluster the coordinator knows, sorted by id. */
  list(cluster: string): GroupDescription[] {
    const prefix = groupKey(cluster, '');
    return [...this.#groups.values()].filter((g) => g.key.startsWith(prefix)).map((g) => this.describe(cluster, g.groupId)).sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
  }

  /** Clears every timer and answers every waiting request with COORDINATOR_NOT_AVAILABLE. */
  close(): void {
    this.#closed = true;
    for (const g of this.#groups.values()) {
      clearTimeout(g.rebalanceTimer);
      for (const t of g.pending.values()) clearTimeout(t);
      for (const m of g.members.values()) {
        clearTimeout(m.sessionTimer);
        m.joinWaiter?.({ error: ERR.COORDINATOR_NOT_AVAILABLE, generationId: -1, protocolType: null, protocolName: null, leader: '', memberId: m.id, members: [] });
        m.syncWaiter?.({ error: ERR.COORDINATOR_NOT_AVAILABLE, protocolType: null, protocolName: null, assignment: EMPTY });
      }
    }
    this.#groups.clear();
  }

  #group(cluster: string, groupId: string): Group {
    const key = groupKey(cluster, groupId);
    let g = this.#groups.get(key);
    if (g === undefined) {
      g = { key, groupId, state: 'Empty', generation: 0, protocolType: null, protocol: null, leader: undefined, members: new Map(), pending: new Map(), rebalanceTimer: undefined, holding: false };
      this.#groups.set(key, g);
    }
    return g;
  }

  #check(ref: MemberRef): { error: number; group?: Group; member?: Member } {
    const g = this.#groups.get(groupKey(ref.cluster, ref.groupId));
    const m = g?.members.get(ref.memberId);
    if (g === undefined || m === undefined) return { error: ERR.UNKNOWN_MEMBER_ID };
    if (ref.generationId !== g.generation) return { error: ERR.ILLEGAL_GENERATION };
    return { error: ERR.NONE, group: g, member: m };
  }

  #prepareRebalance(g: Group): void {
    const wasEmpty = g.state === 'Empty';
    g.state = 'PreparingRebalance';
    // Members waiting in SyncGroup learn that their generation is over.
    for (const m of g.members.values()) {
      const w = m.syncWaiter;
      m.syncWaiter = undefined;
      w?.({ error: ERR.REBALANCE_IN_PROGRESS, protocolType: g.protocolType, protocolName: g.protocol, assignment: EMPTY });
    }
    clearTimeout(g.rebalanceTimer);
    let timeout = 0;
    for (const m of g.members.values()) timeout = Math.max(timeout, m.rebalanceTimeoutMs);
    g.holding = wasEmpty && this.#initialDelayMs > 0;
    g.rebalanceTimer = setTimeout(() => this.#completeJoin(g), g.holding ? this.#initialDelayMs : timeout);
    g.rebalanceTimer.unref();
    this.#maybeCompleteJoin(g);
  }

  #maybeCompleteJoin(g: Group): void {
    if (g.state !== 'PreparingRebalance' || g.holding) return;
    for (const m of g.members.values()) if (m.joinWaiter === undefined) return;
    this.#completeJoin(g);
  }

  /** Forms the next generation from the members that rejoined; the others are dropped. */
  #completeJoin(g: Group): void {
    if (g.state !== 'PreparingRebalance') return;
    clearTimeout(g.rebalanceTimer);
    g.rebalanceTimer = undefined;
    g.holding = false;
    for (const m of [...g.members.values()]) if (m.joinWaiter === undefined) this.#drop(g, m);
    g.generation++;
    if (g.members.size === 0) {
      g.state = 'Empty';
      g.protocol = null;
      g.leader = undefined;
      return;
    }
    g.protocol = selectProtocol([...g.members.values()]);
    if (g.leader === undefined || !g.members.has(g.leader)) g.leader = g.members.keys().next().value;
    g.state = 'CompletingRebalance';
    const all: JoinedMember[] = [...g.members.values()].map((m) => ({ memberId: m.id, groupInstanceId: m.groupInstanceId, metadata: m.protocols.find((p) => p.name === g.protocol)?.metadata ?? EMPTY }));
    for (const m of g.members.values()) {
      const w = m.joinWaiter;
      m.joinWaiter = undefined;
      m.assignment = EMPTY;
      this.#touch(g, m);
      w?.({ error: ERR.NONE, generationId: g.generation, protocolType: g.protocolType, protocolName: g.protocol, leader: g.leader ?? '', memberId: m.id, members: m.id === g.leader ? all : [] });
    }
  }

  /** Restarts a member's session timer: missing it removes the member. */
  #touch(g: Group, m: Member): void {
    clearTimeout(m.sessionTimer);
    m.sessionTimer = setTimeout(() => { if (g.members.get(m.id) === m) this.#remove(g, m); }, m.sessionTimeoutMs);
    m.sessionTimer.unref();
  }

  #remove(g: Group, m: Member): void {
    this.#drop(g, m);
    if (g.state === 'PreparingRebalance') this.#maybeCompleteJoin(g);
    else if (g.members.size === 0) {
      clearTimeout(g.rebalanceTimer);
      g.state = 'Empty';
      g.generation++;
      g.leader = undefined;
      g.protocol = null;
    } else this.#prepareRebalance(g);
  }

  #drop(g: Group, m: Member): void {
    clearTimeout(m.sessionTimer);
    g.members.delete(m.id);
    const jw = m.joinWaiter;
    const sw = m.syncWaiter;
    m.joinWaiter = undefined;
    m.syncWaiter = undefined;
    jw?.({ error: ERR.UNKNOWN_MEMBER_ID, generationId: -1, protocolType: null, protocolName: null, leader: '', memberId: m.id, members: [] });
    sw?.({ error: ERR.UNKNOWN_MEMBER_ID, protocolType: null, protocolName: null, assignment: EMPTY });
  }
}

function groupKey(cluster: string, groupId: string): string {
  return `${cluster}\u0000${groupId}`;
}
