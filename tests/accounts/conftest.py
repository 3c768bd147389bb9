import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    """allauth keeps its rate-limit counters in the cache; start every test at zero."""
    cache.clear()
    yield
    cache.clear()
