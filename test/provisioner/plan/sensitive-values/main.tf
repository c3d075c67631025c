variable "api_key" {
  type      = string
  sensitive = true
  default   = "key-two"
}

resource "random_password" "secret" {
  length  = 24
  special = false
}

resource "terraform_data" "creds" {
  input = {
    key    = var.api_key
    region = "eu-west-1"
  }
}

output "secret" {
  value     = random_password.secret.result
  sensitive = true
}
