/** Kafka REST calls on one topic, with a clear message when the topic does not exist. */
import type { CommandContext } from './command-runner.js';
import { InsideError } from './inside-error.js';
import { asArray, asObject, str } from './json-fields.js';
import type { ClusterRef } from './types.js';

/** The REST URL of a topic. */
export function topicUrl(cluster: ClusterRef, topic: string): string {
  return `${cluster.restUrl}/topics/${encodeURIComponent(topic)}`;
}

/** GETs a topic's KafkaTopic body; an unknown topic is an InsideError naming the known ones. */
export async function requireTopic(ctx: CommandContext, cluster: ClusterRef, topic: string): Promise<{ readonly [k: string]: unknown }> {
  const r = await ctx.client.send('GET', topicUrl(cluster, topic));
  if (r.status === 200) return asObject(r.body);
  if (r.status === 404) throw await unknownTopic(ctx, cluster, topic);
  return asObject(await ctx.client.ok('GET', topicUrl(cluster, topic)));
}

/** The error for a topic that does not exist in `cluster`. */
export async function unknownTopic(ctx: CommandContext, cluster: ClusterRef, topic: string): Promise<InsideError> {
  const names = asArray(asObject(await ctx.client.ok('GET', `${cluster.restUrl}/topics`))['data']).map((t) => str(t, 'topic_name')).sort();
  return new InsideError('unknown-topic', `Topic "${topic}" not found in Kafka cluster ${cluster.id} (${cluster.name}).`, {
    detail: names.length === 0 ? 'The cluster has no topics; create one with `streamform topic create NAME`.' : `Known topics: ${names.join(', ')}`,
  });
}
