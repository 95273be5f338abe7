"""Checks on a scenario's shape as a graph: every state reachable, every path able to end."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.scenarios.format import Problem, Rule, Scenario, State


def check_graph(scenario: Scenario) -> list[Problem]:
    """Problems with the states and the rules between them."""
    from bot.scenarios.format import Problem

    problems: list[Problem] = []

    def add(message: str, state: State | None = None, line: int | None = None) -> None:
        problems.append(
            Problem(scenario.path, line or (state.line if state else None), state.name if state else None, message)
        )

    states = scenario.states
    if not states:
        return problems
    if scenario.start not in states:
        add(f"start state '{scenario.start}' is not one of the states")
    for rule in scenario.always:
        if rule.to is not None and rule.to not in states:
            add(f"a rule under 'always' leads to unknown state '{rule.to}'", line=rule.line)
    for state in states.values():
        for rule in state.rules:
            if rule.to is not None and rule.to not in states:
                add(f"leads to unknown state '{rule.to}'", state, rule.line)
        if state.end and state.rules:
            add("an end state has rules that can never be used", state)
        if state.arrives and state.arrives[1] not in states:
            add(f"'arrives' leads to unknown state '{state.arrives[1]}'", state)
    ends = [s for s in states.values() if s.end]
    if not ends:
        add("no end state: mark at least one state with 'end: true'")
    elif not any(s.outcome == "resolved" for s in ends):
        add("no end state has 'outcome: resolved', so the visitor's issue can never be resolved")
    reachable = _reachable(scenario)
    for state in states.values():
        if scenario.start in states and state.name not in reachable:
            add("unreachable: no rule leads here from the start state", state)
    can_end = _can_reach_end(scenario)
    for state in states.values():
        if state.end or state.name in can_end:
            continue
        if not any(t != state.name for t in _targets(scenario, state)):
            add("no way forward: no rule leads to another state", state)
        else:
            add("no way forward: no path from here reaches an end state", state)
    return problems


def _rules(scenario: Scenario, state: State) -> tuple[Rule, ...]:
    return () if state.end else scenario.always + state.rules


def _targets(scenario: Scenario, state: State) -> set[str]:
    arrives = {state.arrives[1]} if state.arrives and state.arrives[1] in scenario.states else set()
    return {r.to for r in _rules(scenario, state) if r.to in scenario.states} | arrives


def _reachable(scenario: Scenario) -> set[str]:
    seen, todo = {scenario.start}, [scenario.start]
    while todo:
        state = scenario.states.get(todo.pop())
        for target in _targets(scenario, state) if state else ():
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def _can_reach_end(scenario: Scenario) -> set[str]:
    good = {name for name, s in scenario.states.items() if s.end}
    changed = True
    while changed:
        changed = False
        for name, state in scenario.states.items():
            if name not in good and _targets(scenario, state) & good:
                good.add(name)
                changed = True
    return good
