"""The practice calls as staff see them: a title for any id (a removed call keeps its id), routine ones first."""

from __future__ import annotations

from bot.scenarios.format import Scenario
from bot.scenarios.library import Library


class Calls:
    def __init__(self, library: Library) -> None:
        self.library = library

    def title(self, scenario_id: str) -> str:
        scenario = self.library.scenarios.get(scenario_id)
        return scenario.title if scenario else scenario_id

    def get(self, scenario_id: str) -> Scenario | None:
        """The call of this id, or None when it is not (or no longer) in the library."""
        return self.library.scenarios.get(scenario_id)

    def count(self) -> int:
        return len(self.library.scenarios)

    def known(self, scenario_id: str) -> bool:
        return scenario_id in self.library.scenarios

    def in_order(self) -> list[Scenario]:
        """Routine calls first, then by channel and id: the order of every list of calls."""
        return sorted(self.library.scenarios.values(), key=lambda s: (s.difficulty != "routine", s.channel, s.id))
