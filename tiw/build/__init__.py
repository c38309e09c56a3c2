"""The build itself: which language static-i18n is building, page languages and URLs, git,
and the build state every hook and macro reads."""
