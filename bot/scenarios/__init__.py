"""Scenarios as data: the YAML format and its checks, the intents, graphs and diagrams, the library."""
