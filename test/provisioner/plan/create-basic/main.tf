resource "random_pet" "name" {
  length = 2
  prefix = "shop"
}

resource "random_id" "suffix" {
  byte_length = 4
  keepers = {
    pet = random_pet.name.id
  }
}

resource "terraform_data" "topic" {
  input = {
    name       = "${random_pet.name.id}-${random_id.suffix.hex}"
    partitions = 6
  }
}

output "topic" {
  value = terraform_data.topic.output
}
