"""The one error a command reports as a line of its own (kept apart so `main` can catch it before the
grader, and a department's phrases.yaml with it, is loaded)."""


class CliError(Exception):
    """A problem the user can fix; printed as one line."""
