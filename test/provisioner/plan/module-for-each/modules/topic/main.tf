variable "name" {
  type = string
}

variable "partitions" {
  type    = number
  default = 6
}

resource "terraform_data" "topic" {
  input = {
    name       = var.name
    partitions = var.partitions
  }
}

output "name" {
  value = terraform_data.topic.output.name
}
