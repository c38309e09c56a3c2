import pytest

from tests.sitepages import SITE


def pytest_sessionstart(session):
    if not (SITE / "index.html").is_file():
        raise pytest.UsageError("site/ is not built: run `make test` (it builds first) or `make build`.")
