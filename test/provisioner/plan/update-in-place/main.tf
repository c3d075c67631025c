resource "terraform_data" "cfg" {
  input = {
    retention_ms = 86400000
    partitions   = 6
    cleanup      = "compact"
  }
}
