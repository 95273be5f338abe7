"""The vocabulary of a scenario file: which keys each part may hold and which values a few of them take.

It lives apart from the parser so the engine, the tests and the docs can name the moods, topics and keys
without importing the whole of the parsing and its checks (format reference: docs/scenarios.md).
"""

from __future__ import annotations

import re

MOODS: tuple[str, ...] = ("calm", "uneasy", "upset", "angry", "furious")
CHANNELS = ("phone", "lobby")
DIFFICULTIES = ("routine", "moderate", "hard")
OUTCOMES = ("resolved", "unresolved")
TOP_KEYS = {
    "pools",
    "auto_fail",
    "id",
    "title",
    "channel",
    "difficulty",
    "brief",
    "persona",
    "intents",
    "resolution",
    "start",
    "always",
    "states",
    "not_applicable",
    "examples",
    "desk",
}
REQUIRED_TOP_KEYS = ("id", "title", "channel", "difficulty", "brief", "persona", "resolution", "start", "states")
STATE_KEYS = {"lines", "rules", "idle", "end", "outcome", "hint", "nudge", "arrives"}
INTENT_KEYS = {"description", "phrases", "means", "numbers", "examples", "wrong"}
FACT_REACTIONS = ("wrong", "refused", "partly")
"""How a message spoke to a resolution fact it did not give; rules name them as `fact.refused` (the engine's
bot/practice/hearing.py reads them)."""
RULE_KEYS = {"when", "unless", "given", "not_given", "mood_at_least", "mood_at_most", "to", "say"}
PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)(?:\.([a-z_][a-z0-9_]*))?\}")
"""`{name}` or `{pool.field}` in a line: an agency.yaml setting, or a pool's value drawn per attempt."""
PERSONA_KEYS = {"name", "mood", "facts", "unknown", "details", "register", "says_back"}
SAID_BACK_SLOTS = ("number", "fee", "time", "hours", "days", "address", "email", "age")
"""The slots of a `says_back` line: a value of that kind as the trainee said it (see bot/practice/facts_back.py)."""
REGISTERS = ("everyday", "distressed", "limited", "child", "elderly")
"""How the persona speaks its stock lines ("Okay. I understand." from a frightened caller, not "Yeah, I follow.")."""
TOPICS = (
    "self_harm",
    "injured",
    "medical",
    "weapons",
    "description",
    "vehicle",
    "name",
    "callback",
    "number",
    "taken",
    "where",
    "when",
    "age",
    "who",
    "what",
)
"""The topics of a clarifying question that `persona.facts` answers (when, where, medical ...)."""
