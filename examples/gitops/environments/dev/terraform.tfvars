stage     = "dev"
pipelines = ["orders-enrichment", "loyalty-levels"]
