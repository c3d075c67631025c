import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededIds } from '../../../shared/index.js';
import { ERR } from './error-codes.js';
import { GroupCoordinator } from './group-coordinator.js';
import type { GroupProtocol, JoinRequest, JoinResult } from './group-types.js';

const C = 'lkc-g';

function protocols(...names: string[]): GroupProtocol[] {
  return names.map((name) => ({ name, metadata: Buffer.from(`meta-${name}`) }));
}

function joinReq(memberId: string, extra: Partial<JoinRequest> = {}): JoinRequest {
  return { cluster: C, groupId: 'g', memberId, groupInstanceId: null, clientId: 'c', clientHost: '/127.0.0.1', protocolType: 'consumer', protocols: protocols('range'), sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000, requireKnownMemberId: false, ...extra };
}

async function withCoordinator(fn: (g: GroupCoordinator) => Promise<void>): Promise<void> {
  const g = new GroupCoordinator({ ids: seededIds(7) });
  try {
    await fn(g);
  } finally {
    g.close();
  }
}

test('a first member forms generation 1 alone and leads it; v4+ joins get MEMBER_ID_REQUIRED first', async () => {
  await withCoordinator(async (g) => {
    const first = await g.join(joinReq('', { requireKnownMemberId: true }));
    assert.equal(first.error, ERR.MEMBER_ID_REQUIRED);
    assert.match(first.memberId, /^c-/);
    const joined = await g.join(joinReq(first.memberId, { requireKnownMemberId: true }));
    assert.deepEqual([joined.error, joined.generationId, joined.leader, joined.protocolName], [ERR.NONE, 1, first.memberId, 'range']);
    assert.deepEqual(joined.members.map((m) => [m.memberId, m.metadata.toString()]), [[first.memberId, 'meta-range']]);
    assert.equal((await g.join(joinReq('someone-else'))).error, ERR.UNKNOWN_MEMBER_ID);
  });
});

test('a second member triggers a rebalance: heartbeats say so, both rejoin, followers wait for the leader sync', async () => {
  await withCoordinator(async (g) => {
    const a = await g.join(joinReq(''));
    assert.equal((await g.sync({ cluster: C, groupId: 'g', generationId: 1, memberId: a.memberId, assignments: [{ memberId: a.memberId, assignment: Buffer.from('all') }] })).assignment.toString(), 'all');
    const bJoin = g.join(joinReq(''));
    assert.equal(g.heartbeat({ cluster: C, groupId: 'g', generationId: 1, memberId: a.memberId }), ERR.REBALANCE_IN_PROGRESS);
    const [a2, b2] = await Promise.all([g.join(joinReq(a.memberId)), bJoin]) as [JoinResult, JoinResult];
    assert.deepEqual([a2.generationId, b2.generationId, a2.leader, b2.leader], [2, 2, a.memberId, a.memberId]);
    assert.equal(a2.members.length, 2);
    assert.equal(b2.members.length, 0, 'only the leader receives the member list');
    const followerSync = g.sync({ cluster: C, groupId: 'g', generationId: 2, memberId: b2.memberId, assignments: [] });
    const leaderSync = await g.sync({ cluster: C, groupId: 'g', generationId: 2, memberId: a.memberId, assignments: [{ memberId: a.memberId, assignment: Buffer.from('p0') }, { memberId: b2.memberId, assignment: Buffer.from('p1') }] });
    assert.equal(leaderSync.assignment.toString(), 'p0');
    assert.equal((await followerSync).assignment.toString(), 'p1');
    assert.equal(g.heartbeat({ cluster: C, groupId: 'g', generationId: 2, memberId: b2.memberId }), ERR.NONE);
    assert.equal(g.heartbeat({ cluster: C, groupId: 'g', generationId: 1, memberId: b2.memberId }), ERR.ILLEGAL_GENERATION);
    assert.deepEqual(g.state(C, 'g'), { state: 'Stable', generation: 2, members: 2 });
  });
});

test('leaving rebalances the rest; the last member leaving empties the group', async () => {
  await withCoordinator(async (g) => {
    const a = await g.join(joinReq(''));
    const bJoin = g.join(joinReq(''));
    const [, b] = await Promise.all([g.join(joinReq(a.memberId)), bJoin]) as [JoinResult, JoinResult];
    assert.deepEqual(g.leave(C, 'g', [b.memberId, 'ghost']), [ERR.NONE, ERR.UNKNOWN_MEMBER_ID]);
    assert.equal(g.heartbeat({ cluster: C, groupId: 'g', generationId: 2, memberId: a.memberId }), ERR.REBALANCE_IN_PROGRESS);
    const again = await g.join(joinReq(a.memberId));
    assert.deepEqual([again.generationId, again.members.length], [3, 1]);
    g.leave(C, 'g', [a.memberId]);
    assert.equal(g.state(C, 'g').state, 'Empty');
  });
});

test('protocol selection takes the most voted protocol every member supports; incompatible joiners are refused', async () => {
  await withCoordinator(async (g) => {
    const a = await g.join(joinReq('', { protocols: protocols('range', 'roundrobin') }));
    const bJoin = g.join(joinReq('', { protocols: protocols('roundrobin') }));
    const [a2] = await Promise.all([g.join(joinReq(a.memberId, { protocols: protocols('range', 'roundrobin') })), bJoin]) as [JoinResult, JoinResult];
    assert.equal(a2.protocolName, 'roundrobin');
    assert.equal((await g.join(joinReq('', { protocols: protocols('sticky') }))).error, ERR.INCONSISTENT_GROUP_PROTOCOL);
  });
});

test('a member that misses its session timeout is removed from the group', async () => {
  await withCoordinator(async (g) => {
    const a = await g.join(joinReq('', { sessionTimeoutMs: 20 }));
    assert.equal(g.state(C, 'g').members, 1);
    const gone = new Promise<void>((resolve) => {
      const check = (): void => { if (g.state(C, 'g').members === 0) resolve(); else setTimeout(check, 5); };
      check();
    });
    await gone;
    assert.equal(g.heartbeat({ cluster: C, groupId: 'g', generationId: 1, memberId: a.memberId }), ERR.UNKNOWN_MEMBER_ID);
  });
});

test('offset commits: simple commits only on member-less groups, members need the current generation', async () => {
  await withCoordinator(async (g) => {
    assert.equal(g.checkCommit({ cluster: C, groupId: 'g', generationId: -1, memberId: '' }), ERR.NONE);
    const a = await g.join(joinReq(''));
    assert.equal(g.checkCommit({ cluster: C, groupId: 'g', generationId: 1, memberId: a.memberId }), ERR.REBALANCE_IN_PROGRESS, 'not synced yet');
    await g.sync({ cluster: C, groupId: 'g', generationId: 1, memberId: a.memberId, assignments: [] });
    assert.equal(g.checkCommit({ cluster: C, groupId: 'g', generationId: 1, memberId: a.memberId }), ERR.NONE);
    assert.equal(g.checkCommit({ cluster: C, groupId: 'g', generationId: 0, memberId: a.memberId }), ERR.ILLEGAL_GENERATION);
    assert.equal(g.checkCommit({ cluster: C, groupId: 'g', generationId: -1, memberId: '' }), ERR.UNKNOWN_MEMBER_ID);
  });
});

test('with an initial rebalance delay, members joining a new group together form its first generation', async () => {
  const g = new GroupCoordinator({ ids: seededIds(3), initialRebalanceDelayMs: 30 });
  const keepAlive = setInterval(() => undefined, 1000); // the coordinator's timers are unref'd
  try {
    const [a, b] = await Promise.all([g.join(joinReq('')), g.join(joinReq(''))]);
    assert.deepEqual([a.generationId, b.generationId, a.members.length + b.members.length], [1, 1, 2]);
  } finally {
    clearInterval(keepAlive);
    g.close();
  }
});

test('close answers waiting joins with COORDINATOR_NOT_AVAILABLE', async () => {
  const g = new GroupCoordinator({ ids: seededIds(1) });
  const a = await g.join(joinReq(''));
  await g.sync({ cluster: C, groupId: 'g', generationId: 1, memberId: a.memberId, assignments: [] });
  const waiting = g.join(joinReq(''));
  g.close();
  assert.equal((await waiting).error, ERR.COORDINATOR_NOT_AVAILABLE);
});
