"""Per-user message rate limit: a token bucket, so short bursts pass and floods are slowed."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Throttle:
    """Allow `burst` messages at once, refilled at `rate` a second; warn once per flood."""

    rate: float = 1.0
    burst: int = 5
    clock: Callable[[], float] = time.monotonic
    _buckets: dict[int, tuple[float, float, bool]] = field(default_factory=dict)

    def check(self, user_id: int) -> tuple[bool, bool]:
        """(allowed, warn): warn is True for the first refused message of a flood."""
        now = self.clock()
        tokens, last, warned = self._buckets.get(user_id, (float(self.burst), now, False))
        tokens = min(float(self.burst), tokens + (now - last) * self.rate)
        if tokens >= 1:
            self._buckets[user_id] = (tokens - 1, now, False)
            return True, False
        self._buckets[user_id] = (tokens, now, True)
        return False, not warned
