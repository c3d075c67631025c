/** The tables of resource and data source types this provider serves. */
import { apiKeyResource } from './api-key-resource.js';
import { connectorResource } from './connector-resource.js';
import { environmentDataSource, environmentResource } from './environment-resource.js';
import { flinkComputePoolDataSource, flinkComputePoolResource } from './flink-compute-pool-resource.js';
import { flinkRegionDataSource } from './flink-region-data-source.js';
import { flinkStatementResource } from './flink-statement-resource.js';
import { kafkaAclResource } from './kafka-acl-resource.js';
import { kafkaClusterDataSource } from './kafka-cluster-data-source.js';
import { kafkaClusterResource } from './kafka-cluster-resource.js';
import { kafkaTopicResource } from './kafka-topic-resource.js';
import { metadataResources } from './metadata-resources.js';
import { organizationDataSource } from './organization-data-source.js';
import { roleBindingResource } from './role-binding-resource.js';
import { schemaRegistryClusterDataSource } from './schema-registry-cluster-data-source.js';
import { schemaResource } from './schema-resource.js';
import { serviceAccountDataSource, serviceAccountResource } from './service-account-resource.js';
import { schemaRegistryClusterConfigResource, subjectConfigResource } from './subject-config-resource.js';
import { subjectModeResource } from './subject-mode-resource.js';
import type { ConfluentDataSource, ConfluentResource } from './types.js';

/** Managed resource types by name. */
export const resourceTable: Readonly<Record<string, ConfluentResource>> = {
  confluent_environment: environmentResource,
  confluent_kafka_cluster: kafkaClusterResource,
  confluent_kafka_topic: kafkaTopicResource,
  confluent_kafka_acl: kafkaAclResource,
  confluent_schema: schemaResource,
  confluent_subject_config: subjectConfigResource,
  confluent_subject_mode: subjectModeResource,
  confluent_schema_registry_cluster_config: schemaRegistryClusterConfigResource,
  confluent_flink_compute_pool: flinkComputePoolResource,
  confluent_flink_statement: flinkStatementResource,
  confluent_service_account: serviceAccountResource,
  confluent_role_binding: roleBindingResource,
  confluent_api_key: apiKeyResource,
  confluent_connector: connectorResource,
  ...metadataResources,
};

/** Data source types by name. */
export const dataSourceTable: Readonly<Record<string, ConfluentDataSource>> = {
  confluent_environment: environmentDataSource,
  confluent_kafka_cluster: kafkaClusterDataSource,
  confluent_schema_registry_cluster: schemaRegistryClusterDataSource,
  confluent_flink_region: flinkRegionDataSource,
  confluent_flink_compute_pool: flinkComputePoolDataSource,
  confluent_service_account: serviceAccountDataSource,
  confluent_organization: organizationDataSource,
};
