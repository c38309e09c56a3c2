"""The site's data: shared YAML (site), the resource catalogue and the which-level guide's checks."""
