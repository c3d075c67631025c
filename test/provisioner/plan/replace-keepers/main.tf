resource "random_id" "key" {
  byte_length = 8
  keepers = {
    env    = "prod"
    region = "eu-west-1"
  }
}
