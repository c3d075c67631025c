/** Group protocol checks and selection, as Kafka's coordinator does them. */

interface ProtocolMember {
  readonly id: string;
  readonly protocols: readonly { readonly name: string }[];
}

/**
 * A joiner fits a group when it speaks the group's protocol type and shares a protocol with every
 * other member (a lone member may change both by rejoining).
 */
export function fitsGroup(group: { readonly protocolType: string | null; readonly members: readonly ProtocolMember[] }, joiner: { readonly memberId: string; readonly protocolType: string; readonly protocols: readonly { readonly name: string }[] }): boolean {
  const others = group.members.filter((m) => m.id !== joiner.memberId);
  if (group.protocolType !== null && group.protocolType !== joiner.protocolType && others.length > 0) return false;
  return joiner.protocols.some((p) => others.every((m) => m.protocols.some((q) => q.name === p.name)));
}

/** Kafka's vote: each member votes for its most preferred protocol that every member supports. */
export function selectProtocol(members: readonly { readonly protocols: readonly { readonly name: string }[] }[]): string | null {
  const first = members[0];
  if (first === undefined) return null;
  const common = first.protocols.map((p) => p.name).filter((n) => members.every((m) => m.protocols.some((p) => p.name === n)));
  const votes = new Map<string, number>();
  for (const m of members) {
    const choice = m.protocols.find((p) => common.includes(p.name))?.name;
    if (choice !== undefined) votes.set(choice, (votes.get(choice) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestVotes = -1;
  for (const name of common) {
    const v = votes.get(name) ?? 0;
    if (v > bestVotes) {
      best = name;
      bestVotes = v;
    }
  }
  return best;
}
