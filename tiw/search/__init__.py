"""Search: one index per language and Welsh mutation folding."""
