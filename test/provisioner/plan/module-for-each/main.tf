module "topic" {
  source   = "./modules/topic"
  for_each = { orders = 12, payments = 3, refunds = 1 }

  name       = each.key
  partitions = each.value
}

output "names" {
  value = sort([for m in module.topic : m.name])
}
