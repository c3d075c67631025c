resource "random_id" "a" {
  byte_length = 4
}

output "same" {
  value = random_id.a.hex
}

output "changed" {
  value = "v2"
}

output "added" {
  value = { size = 3 }
}

output "secret" {
  value     = "s2"
  sensitive = true
}
