"""The translator workflow: freshness stamps, structural parity, the termbase and Welsh spelling."""
