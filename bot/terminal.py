"""Practice in a terminal: the second thin edge over the same core as the Telegram bot."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from bot.practice.attempt import Attempt, AttemptResult
from bot.practice.scorecard import scorecard_lines
from bot.scenarios.format import Scenario

Reader = Callable[[], str | None]
COMMANDS_HELP = "Type what you would say. /hint for a hint, /end to finish and see your score."


def run_conversation(
    attempt: Attempt, read: Reader, out: TextIO, err: TextIO, echo: bool, piped: bool = False
) -> AttemptResult:
    """Play the attempt until it ends, the trainee types /end, or input runs out; piped input left over after
    the visitor ended the call is counted out loud, so no typed line vanishes without a word."""
    scenario = attempt.engine.scenario

    def who() -> str:
        return attempt.engine.speaker(attempt.visitor)  # "Caller (?)" until the caller gives a name

    card = scenario.desk_card()
    desk = f"{card}\n" if card else ""
    out.write(
        f"{scenario.title} [{scenario.channel}, {scenario.difficulty}]\n{scenario.brief}\n{desk}{COMMANDS_HELP}\n\n"
    )
    out.write(f"{who()}: {attempt.opening}\n")
    while not attempt.ended:
        message = read()
        if message is None or message.strip().lower() == "/end":
            break
        if echo:
            out.write(f"You: {message}\n")
        if message.strip().lower() == "/hint":
            out.write(f"Hint: {attempt.hint()}\n")
            continue
        submission = attempt.say(message)
        if submission.notice:
            err.write(f"({submission.notice})\n")
        if submission.reply is not None:
            out.write(f"{who()}: {submission.reply.line}\n")
    if attempt.ended and piped:
        _count_unsaid(read, err)
    return attempt.finish()


def _count_unsaid(read: Reader, err: TextIO) -> None:
    unsaid = 0
    while (message := read()) is not None:
        unsaid += bool(message.strip()) and message.strip().lower() != "/end"
    if unsaid:
        lines = "1 line" if unsaid == 1 else f"{unsaid} lines"
        err.write(f"(The call had ended, so {lines} after it {'was' if unsaid == 1 else 'were'} not said.)\n")


def print_scorecard(result: AttemptResult, scenario: Scenario, out: TextIO) -> None:
    visitor = "caller" if scenario.channel == "phone" else "visitor"
    out.write("\n" + "\n".join(scorecard_lines(result, scenario.title, visitor)) + "\n")
    out.write(f"(Replay this visitor with: deskdrill practice {scenario.id} --seed {result.seed})\n")


def choose_scenario(scenarios: list[Scenario], read: Reader, out: TextIO) -> Scenario | None:
    """A numbered list to pick from; None when input ends."""
    out.write("Choose a scenario:\n")
    for n, s in enumerate(scenarios, start=1):
        out.write(f"  {n}. {s.title} [{s.channel}, {s.difficulty}] ({s.id})\n")
    while True:
        out.write(f"Number (1-{len(scenarios)}): ")
        out.flush()
        answer = read()
        if answer is None:
            return None
        answer = answer.strip()
        if answer.isdigit() and 1 <= int(answer) <= len(scenarios):
            return scenarios[int(answer) - 1]
        by_id = [s for s in scenarios if s.id == answer]
        if by_id:
            return by_id[0]
        out.write(f"Please type a number from 1 to {len(scenarios)}.\n")
