/** JoinGroup (v0–7): decodes the request for the GroupCoordinator and encodes its answer. */
import { ByteWriter } from './byte-writer.js';
import type { GroupProtocol } from './group-types.js';
import type { WireRequest, WireResponse } from './types.js';

/** Answers JoinGroup once the group's next generation forms. */
export async function handleJoinGroup(req: WireRequest): Promise<WireResponse> {
  const v = req.apiVersion;
  const r = req.body;
  const groupId = r.string();
  const sessionTimeoutMs = r.int32();
  const rebalanceTimeoutMs = v >= 1 ? r.int32() : sessionTimeoutMs;
  const memberId = r.string();
  const groupInstanceId = v >= 5 ? r.nullableString() : null;
  const protocolType = r.string();
  const protocols = r.array((x): GroupProtocol => {
    const name = x.string();
    const metadata = Buffer.from(x.bytes());
    x.tags();
    return { name, metadata };
  });
  r.tags();
  const res = await req.services.groups.join({
    cluster: req.session.cluster() ?? '', groupId, memberId, groupInstanceId, clientId: req.clientId ?? 'client', clientHost: `/${req.session.info.remoteAddress}`,
    protocolType, protocols, sessionTimeoutMs, rebalanceTimeoutMs, requireKnownMemberId: v >= 4,
  });
  const w = new ByteWriter({ flexible: r.flexible });
  if (v >= 2) w.int32(0);
  w.int16(res.error).int32(res.generationId);
  if (v >= 7) w.nullableString(res.protocolType).nullableString(res.protocolName);
  else w.string(res.protocolName ?? '');
  w.string(res.leader).string(res.memberId);
  w.array(res.members, (x, m) => {
    x.string(m.memberId);
    if (v >= 5) x.nullableString(m.groupInstanceId);
    x.bytes(m.metadata).tags();
  });
  w.tags();
  return { kind: 'reply', body: w };
}
