resource "random_string" "s" {
  length  = 10
  special = false
}

resource "terraform_data" "d" {
  input = random_string.s.result
}

output "s" {
  value = random_string.s.result
}
