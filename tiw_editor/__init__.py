"""The browser editor at /admin/ (Decap CMS): its configuration, generated from schemas/, and its files."""
