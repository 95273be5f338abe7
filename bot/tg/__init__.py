"""The Telegram edge: the only package that imports `telegram`. Handlers parse, call the core, send."""
