"""pytest configuration for the Python model: puts tests/py on sys.path and fixes hypothesis settings."""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

try:
    from hypothesis import HealthCheck, settings

    # Deterministic and bounded: `make check` must give the same verdict on every run and stay
    # quick on a shared 2-core machine. Set TSR_HYPOTHESIS_PROFILE=long for a deeper search.
    settings.register_profile(
        "tessera",
        max_examples=60,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    settings.register_profile(
        "long",
        max_examples=2000,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    settings.load_profile(os.environ.get("TSR_HYPOTHESIS_PROFILE", "tessera"))
except ImportError:  # pragma: no cover - hypothesis is a Debian package we depend on
    pass
