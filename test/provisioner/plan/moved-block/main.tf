resource "random_id" "new" {
  byte_length = 4
}

moved {
  from = random_id.old
  to   = random_id.new
}

resource "terraform_data" "uses" {
  input = random_id.new.hex
}
