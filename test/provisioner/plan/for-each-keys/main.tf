resource "terraform_data" "topic" {
  for_each = toset(["payments", "shipments"])
  input    = "topic-${each.key}"
}
