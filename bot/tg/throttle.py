"""Per-user pace: a token bucket that holds a flood back instead of dropping it.

Short bursts pass at once. Beyond the burst each message waits its turn at `rate` a
second, in order; only a message that would wait longer than `max_wait` seconds is
refused (and the trainee is told which one).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Throttle:
    rate: float = 2.0
    burst: int = 6
    max_wait: float = 15.0
    clock: Callable[[], float] = time.monotonic
    _buckets: dict[int, tuple[float, float]] = field(default_factory=dict)

    def reserve(self, user_id: int, now: float | None = None) -> float | None:
        """Seconds this message must wait for its turn (0: at once), or None: refused, would wait too long.

        Called as each message arrives (`now`), so a backlog counts even while the chat's
        earlier messages are still being handled.
        """
        now = self.clock() if now is None else now
        tokens, last = self._buckets.get(user_id, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * self.rate)
        wait = 0.0 if tokens >= 1 else (1 - tokens) / self.rate
        if wait > self.max_wait:
            self._buckets[user_id] = (tokens, now)
            return None
        self._buckets[user_id] = (tokens - 1, now)
        if len(self._buckets) > 10_000:  # forget users who have been quiet long enough to be full again
            full = now - self.burst / self.rate
            self._buckets = {u: b for u, b in self._buckets.items() if b[1] > full}
        return wait
