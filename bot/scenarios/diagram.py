"""A scenario's states and transitions as a Mermaid diagram, drawn by transitions' GraphMachine."""

from __future__ import annotations

from transitions.extensions import GraphMachine

from bot.scenarios.format import MOODS, Rule, Scenario


def mermaid(scenario: Scenario) -> str:
    """Mermaid stateDiagram source; each edge is labelled with the conditions of its rules."""
    machine = GraphMachine(
        model=None,
        states=list(scenario.states),
        initial=scenario.start,
        auto_transitions=False,
        graph_engine="mermaid",
        title=f"{scenario.title} ({scenario.id})",
        show_conditions=False,
    )
    edges: dict[tuple[str, str], list[str]] = {}
    for state in scenario.states.values():
        if state.end:
            continue
        for rule in scenario.always + state.rules:
            if rule.to is not None and rule.to != state.name:
                edges.setdefault((state.name, rule.to), []).append(describe(rule))
    for (source, dest), labels in edges.items():
        machine.add_transition(" / ".join(dict.fromkeys(labels)), source, dest)

    class Diagram:
        pass

    model = Diagram()
    machine.add_model(model)
    return model.get_graph().draw(None)  # type: ignore[attr-defined]


def describe(rule: Rule) -> str:
    """A rule's conditions in a few words: "empathy", "online_report + process_time", "mood >= furious"."""
    parts = list(rule.when)
    parts += [f"not {name}" for name in rule.unless]
    parts += [f"given {name}" for name in rule.given]
    if rule.mood_at_least is not None:
        parts.append(f"mood >= {MOODS[rule.mood_at_least]}")
    if rule.mood_at_most is not None:
        parts.append(f"mood <= {MOODS[rule.mood_at_most]}")
    return " + ".join(parts) or "otherwise"
