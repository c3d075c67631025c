# Inputs of the shoe-store workshop.

variable "cloud" {
  type        = string
  default     = "AWS"
  description = "Cloud provider of the Kafka cluster and the Flink compute pool."
}

variable "region" {
  type        = string
  default     = "eu-central-1"
  description = "Region of the Kafka cluster and the Flink compute pool (they must match)."
}

variable "prefix" {
  type        = string
  default     = ""
  description = "Optional prefix for the environment, cluster and pool names (e.g. your initials)."
}

variable "datagen_max_interval_ms" {
  type        = number
  default     = 500
  description = "Upper bound of the Datagen connectors' random pause before each record (the workshop uses 500, about 4 records per second per topic)."
}

locals {
  description  = "Resource created for the shoe-store Flink SQL workshop"
  env_name     = "${var.prefix}flink_handson_terraform"
  cluster_name = "${var.prefix}cc_handson_cluster"
}

# Hex suffix that keeps service-account and API-key names unique in an organization.
resource "random_id" "id" {
  byte_length = 4
}
