"""Foundations every other package uses: paths, the editor-facing error, YAML and schema
reading, front matter and dates. Imports nothing from the rest of tiw."""
