/** LeaveGroup (v0–4, batched members from v3): removes members so the rest rebalance at once. */
import { ByteWriter } from './byte-writer.js';
import { ERR } from './error-codes.js';
import type { WireRequest, WireResponse } from './types.js';

/** Answers LeaveGroup. */
export function handleLeaveGroup(req: WireRequest): WireResponse {
  const v = req.apiVersion;
  const r = req.body;
  const groupId = r.string();
  let members: { memberId: string; groupInstanceId: string | null }[];
  if (v >= 3) {
    members = r.array((x) => {
      const memberId = x.string();
      const groupInstanceId = x.nullableString();
      x.tags();
      return { memberId, groupInstanceId };
    });
  } else {
    members = [{ memberId: r.string(), groupInstanceId: null }];
  }
  r.tags();
  const errors = req.services.groups.leave(req.session.cluster() ?? '', groupId, members.map((m) => m.memberId));
  const w = new ByteWriter({ flexible: r.flexible });
  if (v >= 1) w.int32(0);
  if (v >= 3) {
    w.int16(ERR.NONE);
    w.array(members, (x, m) => {
      const i = members.indexOf(m);
      x.string(m.memberId).nullableString(m.groupInstanceId).int16(errors[i] ?? ERR.NONE).tags();
    });
  } else {
    w.int16(errors[0] ?? ERR.NONE);
  }
  w.tags();
  return { kind: 'reply', body: w };
}
