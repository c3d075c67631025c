/** The handler of each implemented API key (versions are checked against api-keys.ts first). */
import { API } from './api-keys.js';
import { handleApiVersions } from './api-versions-handler.js';
import { handleCreateTopics } from './create-topics-handler.js';
import { handleDeleteTopics } from './delete-topics-handler.js';
import { handleDescribeConfigs } from './describe-configs-handler.js';
import { handleDescribeGroups } from './describe-groups-handler.js';
import { handleFetch } from './fetch-handler.js';
import { handleFindCoordinator } from './find-coordinator-handler.js';
import { handleHeartbeat } from './heartbeat-handler.js';
import { handleInitProducerId } from './init-producer-id-handler.js';
import { handleJoinGroup } from './join-group-handler.js';
import { handleLeaveGroup } from './leave-group-handler.js';
import { handleListGroups } from './list-groups-handler.js';
import { handleListOffsets } from './list-offsets-handler.js';
import { handleMetadata } from './metadata-handler.js';
import { handleOffsetCommit } from './offset-commit-handler.js';
import { handleOffsetFetch } from './offset-fetch-handler.js';
import { handleProduce } from './produce-handler.js';
import { handleSaslAuthenticate, handleSaslHandshake } from './sasl-handler.js';
import { handleSyncGroup } from './sync-group-handler.js';
import type { WireHandler } from './types.js';

/** API key → handler. */
export const HANDLERS: ReadonlyMap<number, WireHandler> = new Map<number, WireHandler>([
  [API.Produce, handleProduce],
  [API.Fetch, handleFetch],
  [API.ListOffsets, handleListOffsets],
  [API.Metadata, handleMetadata],
  [API.OffsetCommit, handleOffsetCommit],
  [API.OffsetFetch, handleOffsetFetch],
  [API.FindCoordinator, handleFindCoordinator],
  [API.JoinGroup, handleJoinGroup],
  [API.Heartbeat, handleHeartbeat],
  [API.LeaveGroup, handleLeaveGroup],
  [API.SyncGroup, handleSyncGroup],
  [API.DescribeGroups, handleDescribeGroups],
  [API.ListGroups, handleListGroups],
  [API.SaslHandshake, handleSaslHandshake],
  [API.ApiVersions, handleApiVersions],
  [API.CreateTopics, handleCreateTopics],
  [API.DeleteTopics, handleDeleteTopics],
  [API.InitProducerId, handleInitProducerId],
  [API.DescribeConfigs, handleDescribeConfigs],
  [API.SaslAuthenticate, handleSaslAuthenticate],
]);
