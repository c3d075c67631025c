/** Builders for the CRNs of control-plane resources (`crn://confluent.cloud/organization=<uuid>/…`). */

/** The organization CRN. */
export function orgCrn(orgId: string): string {
  return `crn://confluent.cloud/organization=${orgId}`;
}

/** An environment CRN. */
export function environmentCrn(orgId: string, envId: string): string {
  return `${orgCrn(orgId)}/environment=${envId}`;
}

/** A Kafka cluster CRN (the cluster's `rbac_crn`). */
export function clusterCrn(orgId: string, envId: string, clusterId: string): string {
  return `${environmentCrn(orgId, envId)}/cloud-cluster=${clusterId}`;
}

/** A topic CRN. */
export function topicCrn(orgId: string, envId: string, clusterId: string, topic: string): string {
  return `${clusterCrn(orgId, envId, clusterId)}/kafka=${clusterId}/topic=${topic}`;
}

/** A consumer-group CRN. */
export function groupCrn(orgId: string, envId: string, clusterId: string, group: string): string {
  return `${clusterCrn(orgId, envId, clusterId)}/kafka=${clusterId}/group=${group}`;
}

/** A connector CRN. */
export function connectorCrn(orgId: string, envId: string, clusterId: string, name: string): string {
  return `${clusterCrn(orgId, envId, clusterId)}/connector=${name}`;
}

/** A Schema Registry cluster CRN. */
export function schemaRegistryCrn(orgId: string, envId: string, srId: string): string {
  return `${environmentCrn(orgId, envId)}/schema-registry=${srId}`;
}

/** A subject CRN. */
export function subjectCrn(orgId: string, envId: string, srId: string, subject: string): string {
  return `${schemaRegistryCrn(orgId, envId, srId)}/subject=${subject}`;
}

/** A Flink region CRN inside an environment. */
export function flinkRegionCrn(orgId: string, envId: string, regionId: string): string {
  return `${environmentCrn(orgId, envId)}/flink-region=${regionId}`;
}

/** A compute pool CRN. */
export function computePoolCrn(orgId: string, envId: string, regionId: string, poolId: string): string {
  return `${flinkRegionCrn(orgId, envId, regionId)}/compute-pool=${poolId}`;
}

/** A statement CRN (statements are authorized at environment scope; no region segment). */
export function statementCrn(orgId: string, envId: string, name: string): string {
  return `${environmentCrn(orgId, envId)}/statement=${name}`;
}

/** A service-account CRN. */
export function serviceAccountCrn(orgId: string, saId: string): string {
  return `${orgCrn(orgId)}/service-account=${saId}`;
}

/** A user CRN. */
export function userCrn(orgId: string, userId: string): string {
  return `${orgCrn(orgId)}/user=${userId}`;
}

/** A role-binding CRN. */
export function roleBindingCrn(orgId: string, rbId: string): string {
  return `${orgCrn(orgId)}/role-binding=${rbId}`;
}

/** The Flink region id for a cloud and region, e.g. `aws.us-east-2`. */
export function flinkRegionId(cloud: string, region: string): string {
  return `${cloud.toLowerCase()}.${region}`;
}
