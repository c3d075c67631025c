resource "random_id" "shard" {
  count       = 1
  byte_length = 2
}
