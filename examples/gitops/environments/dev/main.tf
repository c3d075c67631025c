terraform {
  required_providers {
    random = { source = "hashicorp/random" }
  }
  backend "local" {
    path = "state/dev.tfstate.db"
  }
}

variable "stage" {
  type = string
}

variable "pipelines" {
  type        = list(string)
  description = "Pipelines deployed in this environment."
}

resource "random_pet" "cluster" {
  prefix = var.stage
}

resource "terraform_data" "pipeline" {
  for_each = toset(var.pipelines)
  input = {
    name    = "${var.stage}-${each.key}"
    cluster = random_pet.cluster.id
  }
  lifecycle {
    prevent_destroy = false
  }
}

output "pipelines" {
  value = { for k, p in terraform_data.pipeline : k => p.output.name }
}
