"""SQLite storage: users, attempts, results, handled updates, the inbox and the outbox.

sqlite-utils imports numpy at its own import, if numpy is installed (matplotlib brings it, for
the charts), only to map numpy column types we never insert. That costs every process about
11 MB of memory, the delivery process included, which draws no chart. So sqlite-utils is
loaded here, before any storage module, with numpy hidden from it; a chart imports numpy
normally when one is first drawn.
"""

import sys

_numpy_seen = "numpy" in sys.modules
if not _numpy_seen:
    sys.modules["numpy"] = None  # type: ignore[assignment]  # makes `import numpy` raise ImportError
try:
    import sqlite_utils.db  # noqa: F401
finally:
    if not _numpy_seen:
        del sys.modules["numpy"]
