"""A practice call: the visitor (a transitions machine), the attempt, the coach over a chat, the scorecard."""
