"""Role-play bench: every scenario played by whole scripted trainees, in several styles.

    python bench/roleplay.py [--scripts DIR] [SCENARIO_ID ...]

Scripts live as data in tests/roleplay/<scenario-id>.yaml (layout: tests/roleplay/README.md).
For every scenario file in scenarios/ this prints: competent scripts resolved on the first try
(seeds 1-3), their totals, visitor lines repeated twice in a row, whether the flawed scripts
moved the mood and the outcome the believable way, and the variety figure: distinct visitor
lines met over seeds 1-10 per visitor line of one call (target >= 3).

Then the interactive checks (does the visitor react to what was actually said?), per scenario, with
a table and a summary line for each at the end; every failure is printed with "!":

1. Wrong value: each competent script again with a wrong value of each kind in place of each
   resolution fact's right value (a neighbouring agency number, 30 days for 10, $15 for $25, the
   wrong days or hours, a younger age). No visitor line may state the right value the trainee
   never said, and the grade must mark the fact wrong with a total of at most 50.
2. Routine questions (bench/routine_questions.yaml): after a courteous greeting, one question a
   message; the reply must be the persona's answer to it (persona.facts), not another detail.
3. Goodbye after the visitor's goodbye: a competent script less its thanks and offers of help; once
   the visitor says goodbye (after a bare "Take care." if it would not otherwise), the trainee's
   "Anything else I can help you with? Thanks for calling." must be answered and credited.
4. Sarcasm: a sarcastic line as the second message of a competent call must worsen the mood, and
   the scorecard's outcome line must not say "left satisfied".
5. Other wordings of the routine questions (`variants` in bench/routine_questions.yaml): each must be
   answered like the usual wording.
6. Checks of understanding: once a competent call has given every fact, "Does that make sense?" and
   "Does that sound okay?" get a yes, "Any questions?" a no (or the visitor's one question), and "Can
   you tell me back what you'll do?" the plan, never "No, no questions." or a bare "Yes, that makes
   sense."; and the header names the visitor only once the visitor has said its name.
7. Digits: "What's the best number to reach you?" gets a phone number in digits (unless the persona
   truly does not know it: `known: false`).
8. Two-part questions: the scenario's first two routine questions asked in one message: both answered.
9. Teach-back: once a competent call has given every fact, "Just so I'm sure I explained it, what are
   you going to do now?" gets the plan in the words the trainee used (a sentence that shares most of
   its words with what the trainee said), not a persona fact.
10. Said twice: in every competent call, no visitor sentence (of two content words or more) is said twice.
11. Stays to answer: once a competent call has given every fact, "Thank you. {the first routine question}" gets
    an answer, never a goodbye ("Bye", "turns to go", "(is about to hang up)") nor the end of the call.
12. Earned repeats: in every competent call and in check 11's, a visitor sentence that opens "Again,", "As I
    said," or "Like I said," says something the visitor said earlier in the call (most of its words, every number).
13. Checks answered in kind: once every fact is given, "Do you have that written down?" gets yes, written down;
    "Is that something you can do?" yes, I can; "You understand?" yes; never "No idea", "I don't know",
    "It does, yes." nor "Yes, that makes sense.", and never a goodbye.
14. Quizzes: once every fact is given, "Who is that number for?" (a script that gave a phone number) and "How
    many days do you have?" (one that gave a number of days) get the trainee's own value, in at most 20 words.
15. Terse two-part questions: "Name + phone?" (a scenario whose routine questions hold both) gets the name and
    the number, in digits.
16. A question of choice: "I can give you our front desk number. I can also write it all down for you right now.
    Which would you prefer?" gets one of the two ("write" or "number"), never a bare yes, "I don't know" or a goodbye.
17. Said once in a reply: in every competent call and in checks 15, 16 and 19, no reply says one statement twice
    (a later sentence that says most of the words of an earlier sentence of the same reply).
18. Hand-over: when "You idiot." makes the visitor demand a supervisor and the desk hands it on ("I'm sorry, you're
    right. Let me get my supervisor for you."), the call stays open for one more message, and that message's
    "Thank you for your patience. Is there anything else I can help you with?" ends the call credited (offer of
    more help, appreciation).
19. Own papers: "Do you have a photo ID on you?", and "I mean your photo ID, like a driver's license. Do you have
    one?", get a yes or no, never "I don't know", "not sure" or "no idea".
20. The part asked: once a competent call has given every fact, "Thanks. Just so I know I was clear, can you read
    me back the number?" (a script that gave a phone number) and "Tell me back what days, so I know we're good."
    (one that gave days) get that value, in at most 25 words, never a bare "Yes, I've got it", and the visitor
    stays; a request for two parts ("tell me back the number and what days you come in", "what days you come in
    and what it costs") gets both, in at most 37 words.
21. The order: once a competent call has given every fact, "One more thing: first, write the number on your
    fridge. Then call us back if anything changes. Which do you do first?" gets the fridge before the call back,
    and "Are you writing it down first?" a yes; never a goodbye.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.grading import detect  # noqa: E402
from bot.grading.facts import Context, FactRule  # noqa: E402
from bot.grading.quantities import DAYS, NUMBER_WORDS, Value, emails_in, values_in  # noqa: E402
from bot.grading.text import normalise, split_sentences  # noqa: E402
from bot.practice.attempt import Attempt  # noqa: E402
from bot.practice.engine import DONT_KNOW, ScenarioEngine  # noqa: E402
from bot.practice.scorecard import quote, scorecard_lines  # noqa: E402
from bot.practice.stock_lines import SAID_BEFORE  # noqa: E402
from bot.scenarios.format import MOODS, Scenario, load_agency  # noqa: E402
from bot.scenarios.intents import question_topics  # noqa: E402
from bot.scenarios.library import load_library  # noqa: E402
from bot.scenarios.yaml_lines import load_yaml  # noqa: E402
from bot.transcript import Turn  # noqa: E402

SCENARIOS = ROOT / "scenarios"
SCRIPTS = ROOT / "tests" / "roleplay"
SEEDS = (1, 2, 3)
VARIETY_SEEDS = range(1, 11)
KINDS = ("competent", "curt", "wrong_facts", "missed_emergency")
COMPETENT_MIN_TOTAL = 80
RING = re.compile(r"\([^()]*\)")
"""A first visitor turn that is a stage direction alone: the phone ringing before the desk picks up."""


@dataclass(frozen=True)
class Script:
    scenario: str
    name: str
    kind: str
    style: str
    messages: tuple[str, ...]
    min_total: int = COMPETENT_MIN_TOTAL
    resolves: bool = True
    """For `curt` scripts: False when the scenario fails curtness by design (service-tester)."""


@dataclass(frozen=True)
class Run:
    script: Script
    seed: int
    resolved: bool
    total: int
    mood: int
    start_mood: int
    failed: bool
    repeats: tuple[str, ...]
    visitor_lines: tuple[str, ...]
    completed: bool


def load_scripts(path: Path) -> list[Script]:
    data, _ = load_yaml(path)
    agency, _ = load_agency(SCENARIOS)
    fill = re.compile(r"\{([a-z_]+)\}")
    scripts = []
    for raw in data.get("scripts", []):
        messages = tuple(fill.sub(lambda m: agency.get(m.group(1), m.group(0)), str(m)) for m in raw["messages"])
        scripts.append(
            Script(
                scenario=str(data["scenario"]),
                name=str(raw["name"]),
                kind=str(raw["kind"]),
                style=str(raw.get("style", raw["kind"])),
                messages=messages,
                min_total=int(raw.get("min_total", COMPETENT_MIN_TOTAL)),
                resolves=bool(raw.get("resolves", True)),
            )
        )
    return scripts


def script_files(directory: Path = SCRIPTS) -> list[Path]:
    return sorted(directory.glob("*.yaml"))


def play(engine: ScenarioEngine, script: Script, seed: int) -> Run:
    attempt = Attempt.start(engine, seed)
    for message in script.messages:
        if attempt.ended:
            break
        attempt.say(message)
    result = attempt.finish()
    visitor = [t.text for t in result.turns if t.role == "visitor"]
    lines = tuple(visitor[1:] if RING.fullmatch(visitor[0]) else visitor)  # the phone ringing is no line said
    repeats = tuple(b for a, b in zip(lines, lines[1:], strict=False) if a == b)
    return Run(
        script,
        seed,
        result.resolved,
        result.grade.total,
        MOODS.index(result.final_mood),
        MOODS.index(result.start_mood),
        result.grade.failed,
        repeats,
        lines,
        result.completed,
    )


def variety(engine: ScenarioEngine, script: Script) -> float:
    """Distinct visitor lines met over ten seeds, per visitor line of one call."""
    runs = [play(engine, script, seed) for seed in VARIETY_SEEDS]
    distinct = {line for run in runs for line in run.visitor_lines}
    return len(distinct) / mean(len(run.visitor_lines) for run in runs)


def main(argv: list[str]) -> int:
    directory = SCRIPTS
    argv = list(argv)
    if "--scripts" in argv:
        at = argv.index("--scripts")
        directory = Path(argv[at + 1])
        del argv[at : at + 2]
    library = load_library([SCENARIOS])
    for problem in library.problems:
        print(problem)
    wanted = set(argv)
    files = {p.stem: p for p in script_files(directory)}
    questions = load_questions()
    variants = load_variants()
    all_competent: list[Run] = []
    all_interactive: list[Interactive] = []
    all_repeats = 0
    varieties: list[float] = []
    ok = True
    for scenario_id in sorted(library.scenarios):
        if wanted and scenario_id not in wanted:
            continue
        if scenario_id not in files:
            print(f"{scenario_id}: no scripts ({directory}/{scenario_id}.yaml)")
            continue
        engine = ScenarioEngine(library.scenarios[scenario_id])
        scripts = load_scripts(files[scenario_id])
        runs = [play(engine, s, seed) for s in scripts for seed in SEEDS]
        competent = [r for r in runs if r.script.kind == "competent"]
        all_competent += competent
        repeats = sum(len(r.repeats) for r in runs)
        all_repeats += repeats
        first_try = sum(r.resolved for r in competent)
        var = mean(variety(engine, s) for s in scripts if s.kind == "competent") if competent else 0.0
        varieties.append(var)
        print(f"\n{scenario_id}")
        print(
            f"  competent: resolved first try {first_try}/{len(competent)}, "
            f"totals {sorted({r.total for r in competent})}, lines repeated {repeats}, variety {var:.1f}"
        )
        for r in competent:
            if not r.resolved or r.total < r.script.min_total:
                print(f"    ! {r.script.name} seed {r.seed}: resolved={r.resolved} total={r.total}")
                ok = False
        for verdict in flawed_verdicts(runs):
            print(f"  {verdict}")
            ok = ok and "!" not in verdict
        for r in runs:
            for line in r.repeats:
                print(f"    ! repeated ({r.script.name}, seed {r.seed}): {line}")
                ok = False
        figures = interactive(engine, scripts, questions.get(scenario_id), variants.get(scenario_id))
        all_interactive.append(figures)
        for line in interactive_lines(figures):
            print(line)
        ok = ok and not figures.problems
    if all_competent:
        share = sum(r.resolved for r in all_competent) / len(all_competent)
        print(f"\nall: competent resolved first try {share:.0%} of {len(all_competent)} runs")
        print(f"all: visitor lines repeated twice in a row: {all_repeats}")
        print(
            f"all: variety (distinct lines over 10 seeds per line of one call): mean {mean(varieties):.1f}, "
            f"lowest {min(varieties):.1f}"
        )
    if all_interactive:
        print(
            "\ninteractive checks (wrong value: runs with no untold right value, graded wrong, total <= 50; "
            "routine questions answered; goodbye closing graded; sarcasm: mood worse, outcome not satisfied; "
            "other wordings of the questions answered; checks of understanding answered in kind; "
            "callback number in digits; both parts of a two-part question answered; teach-back with the plan; "
            "calls with no line said twice)"
        )
        for line in interactive_table(all_interactive) + [""] + interactive_summary(all_interactive):
            print(line)
    return 0 if ok else 1


def flawed_verdicts(runs: list[Run]) -> list[str]:
    """Did each flawed script move the mood and outcome the believable way?"""
    competent = [r for r in runs if r.script.kind == "competent"]
    verdicts = []
    for name in dict.fromkeys(r.script.name for r in runs if r.script.kind != "competent"):
        mine = [r for r in runs if r.script.name == name]
        kind = mine[0].script.kind
        verdicts.append(f"{kind} '{name}': " + flawed_check(kind, mine, competent))
    return verdicts


def flawed_check(kind: str, mine: list[Run], competent: list[Run]) -> str:
    moods = mean(r.mood for r in mine)
    totals = mean(r.total for r in mine)
    best_mood = mean(r.mood for r in competent) if competent else 0
    best_total = mean(r.total for r in competent) if competent else 100
    resolved = sum(r.resolved for r in mine)
    facts = (
        f"resolved {resolved}/{len(mine)}, mood {moods:.1f} vs {best_mood:.1f}, total {totals:.0f} vs {best_total:.0f}"
    )
    if kind == "curt":
        expected = len(mine) if mine[0].script.resolves else 0
        good = resolved == expected and moods > best_mood and totals < best_total
    elif kind == "wrong_facts":
        good = resolved == 0
    else:
        good = all(r.failed or not r.resolved for r in mine)
    return f"{facts} {'believable' if good else '! NOT believable'}"


# ---------------------------------------------------------------------------------------------
# Interactive checks: does the visitor react to what was actually said?
# ---------------------------------------------------------------------------------------------

SARCASM = ("Thanks a bunch for the bedtime story.", "Wow, what a hero.")
"""Sarcastic or contemptuous lines, each sent as the second message of a courteous call."""
CLOSING = "Anything else I can help you with? Thanks for calling."
"""The trainee's closing message, sent after the visitor has said goodbye."""
SEND_OFF = "Okay, you're all set. Take care."
"""A bare farewell (no thanks, no offer), sent when the visitor does not say goodbye of its own accord."""
_CLOSE_SIGNALS = frozenset({"offer_more_help", "appreciation", "farewell"})
_GONE = re.compile(
    r"\([^()]*\b(?:hangs up|hung up|leaves|walks out|heads out|is gone|click|goes dead)\b[^()]*\)", re.IGNORECASE
)
"""A stage direction that ends the contact: said while the trainee still has the last word, it contradicts it."""
QUESTIONS = Path(__file__).resolve().parent / "routine_questions.yaml"

_NUM_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
)
_NUM = rf"(?:\d+|(?:{_NUM_WORDS})(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?)"
_DAY = r"(?:(?:mon|tues?|wednes|thurs?|fri|satur|sun)days?|tues|thurs|weekdays?|weekends?)"
_AMPM = r"[ap]\.?\s?m\b\.?"
_SPANS = {
    "code": re.compile(r"(?<![\d-])\b\d{3}\b(?![\d-])"),  # a three-digit service number: 988, 911
    "phone": re.compile(r"(?:\+?\b1[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-]?)?\b\d{3}[\s.-]?\d{4}\b"),
    "duration": re.compile(
        rf"\b(?:{_NUM}|an?|a couple of|a few)(?:\s*(?:to|or|-|\u2013)\s*{_NUM})?\s+"
        r"(?:(?:business|working|calendar)\s+)?(?:minute|min|hour|hr|day|week|month|year)s?\b(?!\s+old)",
        re.IGNORECASE,
    ),
    "money": re.compile(rf"\$\s?\d[\d,]*(?:\.\d\d)?|\b{_NUM}(?:\s+hundred)?\s+(?:dollars?|bucks)\b", re.IGNORECASE),
    "days": re.compile(
        rf"\b(?:every\s+|any\s+)?{_DAY}(?:\s*(?:,|and|or|&|through|thru|to|till|until|-|\u2013)\s*(?:every\s+)?{_DAY})*\b"
        r"|\b(?:seven|7) days a week\b|\bevery day\b|\bdaily\b",
        re.IGNORECASE,
    ),
    "clock": re.compile(
        rf"\b\d{{1,2}}(?::\d\d)?\s*(?:{_AMPM})?\s*(?:to|-|\u2013|until|till|and)\s*\d{{1,2}}(?::\d\d)?(?:\s*{_AMPM})?"
        rf"|\b\d{{1,2}}(?::\d\d)?\s*{_AMPM}|\bnoon\b",
        re.IGNORECASE,
    ),
    "age": re.compile(
        rf"\b{_NUM}(?=\s*(?:\+|or older|or over|and up|and over|years old|years of age))"
        rf"|(?<=\bat least ){_NUM}\b|(?<=\bage ){_NUM}\b|(?<=\bover ){_NUM}\b|(?<=\bbe ){_NUM}\b",
        re.IGNORECASE,
    ),
    "email": re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    "address": re.compile(
        r"\b\d{3,5}(?=\s+[a-z]+(?:\s+[a-z]+){0,2}\s+(?:street|st|avenue|ave|boulevard|blvd|drive|dr|way|road|rd|"
        r"lane|ln|court|ct|place|pl|highway)\b)",
        re.IGNORECASE,
    ),
}
"""Where a value of each kind is written in a message (checked afterwards by the grader's own reading)."""


@dataclass(frozen=True)
class Finding:
    """One run of an interactive check: passed or not, and what went wrong."""

    ok: bool
    problems: tuple[str, ...] = ()


@dataclass
class Interactive:
    """The interactive figures of one scenario."""

    scenario: str
    wrong_runs: int = 0
    untold_clean: int = 0
    graded_wrong: int = 0
    capped: int = 0
    taken_up: int = 0
    """Runs whose reply to the wrong value repeated the trainee's figure (a figure, not a check)."""
    wrong_facts: tuple[str, ...] = ()
    asked: int = 0
    answered: int = 0
    per_question: dict[str, list[int]] = field(default_factory=dict)
    goodbye_runs: int = 0
    goodbye_ok: int = 0
    left_first: int = 0
    sarcasm_runs: int = 0
    mood_worse: int = 0
    not_satisfied: int = 0
    variants_asked: int = 0
    variants_answered: int = 0
    checks_asked: int = 0
    checks_fit: int = 0
    names_early: int = 0
    """Calls whose header showed the visitor's name before the visitor had said it."""
    digits_asked: int = 0
    digits_ok: int = 0
    parts_asked: int = 0
    parts_ok: int = 0
    teach_asked: int = 0
    teach_ok: int = 0
    calls: int = 0
    calls_unrepeated: int = 0
    stay_asked: int = 0
    stay_ok: int = 0
    repeat_calls: int = 0
    repeat_ok: int = 0
    kind_asked: int = 0
    kind_ok: int = 0
    quiz_asked: int = 0
    quiz_ok: int = 0
    terse_asked: int = 0
    terse_ok: int = 0
    choice_asked: int = 0
    choice_ok: int = 0
    once_replies: int = 0
    once_ok: int = 0
    handover_runs: int = 0
    handover_ok: int = 0
    papers_asked: int = 0
    papers_ok: int = 0
    part_asked: int = 0
    part_ok: int = 0
    order_asked: int = 0
    order_ok: int = 0
    problems: list[str] = field(default_factory=list)

    def flag(self, problem: str) -> None:
        if problem not in self.problems:
            self.problems.append(problem)

    def tally(self, asked: str, passed: str, ok: bool, problem: str) -> None:
        """One more run of a check (counted in the fields named `asked` and `passed`); a failure is flagged."""
        setattr(self, asked, getattr(self, asked) + 1)
        setattr(self, passed, getattr(self, passed) + bool(ok))
        if not ok:
            self.flag(problem)


# --- 1. A wrong value -------------------------------------------------------------------------


@dataclass(frozen=True)
class WrongValueScript:
    rule: FactRule
    kind: str
    script: Script
    said: tuple[str, ...]
    """The sentences that now state the wrong value."""


def wrong_value_scripts(scenario: Scenario, competent: list[Script]) -> list[WrongValueScript]:
    """For each fact with right values and each kind of them: the competent scripts with a wrong value in place of
    the right one ("30 days" for "10 days", a neighbouring agency number, "$15" for "$25")."""
    out = []
    for rule in scenario.fact_rules:
        for kind in sorted(rule.kinds):
            made = []
            for script in competent:
                messages = tuple(with_wrong_value(m, rule, kind, scenario.context) for m in script.messages)
                if messages != script.messages:
                    made.append(
                        WrongValueScript(rule, kind, replace(script, messages=messages), _new(script, messages))
                    )
            if not made and competent:  # no competent script states it: say the right text with the wrong value
                base = competent[0]
                said = with_wrong_value(_plain_right(rule.right), rule, kind, scenario.context)
                messages = base.messages[:-1] + (said,) + base.messages[-1:]
                script = replace(base, name=f"{base.name} + its right text", messages=messages)
                made.append(WrongValueScript(rule, kind, script, _new(base, messages)))
            out += made
    return out


def _new(script: Script, messages: tuple[str, ...]) -> tuple[str, ...]:
    before = {s.original for m in script.messages for s in split_sentences(m)}
    return tuple(s.original for m in messages for s in split_sentences(m) if s.original not in before)


def _plain_right(right: str) -> str:
    return right.replace("They ", "You ").replace("they ", "you ").replace("their ", "your ")


def with_wrong_value(message: str, rule: FactRule, kind: str, context: Context) -> str:
    """The message with every right value of this kind of the fact replaced by a wrong one of the same kind."""

    def swap(m: re.Match[str]) -> str:
        span = m.group(0)
        right = _right_in(span, rule, kind, context)
        return span if right is None else _wrong_text(span, right, rule, kind, context)

    return _SPANS[kind].sub(swap, message)


def _right_in(span: str, rule: FactRule, kind: str, context: Context) -> Value | None:
    """The fact's right value this span states, if it states one."""
    rights = [r for r in rule.values if r.kind == kind]
    if kind in ("age", "address"):
        n = _number(span)
        return next((r for r in rights if n == r.low), None)
    if kind == "email":
        local = span.split("@")[0].lower()
        return next((r for r in rights if local in r.items), None)
    said = [v for v in values_in(normalise(span)) if v.kind == kind]
    return next((r for r in rights for v in said if v.agrees(r)), None)


def _number(text: str) -> float | None:
    words = text.lower().replace("-", " ").split()
    if not words:
        return None
    if words[0].isdigit():
        return float(words[0])
    total = 0.0
    for w in words:
        if w not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[w]
    return total


def _wrong_text(span: str, right: Value, rule: FactRule, kind: str, context: Context) -> str:
    if kind == "duration":
        return _tripled(span)
    if kind == "age":
        return f"{right.low - 2:g}"
    if kind == "address":
        digits = f"{right.low:g}"
        swapped = digits[0] + digits[2] + digits[1] + digits[3:] if len(digits) > 2 else digits
        return swapped if swapped != digits else f"{right.low + 100:g}"
    if kind == "email":
        return "info@" + span.split("@", 1)[1]
    if kind == "code":  # "988" -> "998": a neighbouring number no one should dial
        return f"{(int(span) + 10) % 1000:03d}"
    wrong = _neighbour(right, rule, kind, context)
    if kind == "phone":
        return _dial(span, wrong.words)
    if kind == "money":
        amount = wrong.low if wrong is not None else right.low + 10
        return f"{amount:g} dollars" if "dollar" in span.lower() or "buck" in span.lower() else f"${amount:g}"
    if kind == "days":
        return _days_text(wrong.items if wrong is not None else frozenset(range(7)))
    if kind == "clock":
        low, high = (wrong.low, wrong.high) if wrong is not None else (right.low - 1, right.high + 2)
        return f"{_clock(low)} to {_clock(high)}"
    raise ValueError(kind)


def _neighbour(right: Value, rule: FactRule, kind: str, context: Context) -> Value | None:
    """The agency's value of the same kind nearest the right one that is wrong for this fact (another service's)."""
    wrong = [
        v
        for v in dict.fromkeys(context.known)
        if v.kind == kind and not any(v.agrees(r) or r.agrees(v) for r in rule.values if r.kind == kind)
    ]
    if kind == "phone":
        wrong = [v for v in wrong if len(v.words) == 10 and v.words[:6] == right.words[:6]] or wrong
        return min(wrong, key=lambda v: abs(int(v.words[-4:]) - int(right.words[-4:])))
    if kind == "days":
        return min(wrong, key=lambda v: len(v.items ^ right.items), default=None)
    return min(wrong, key=lambda v: abs(v.low - right.low) + abs(v.high - right.high), default=None)


def _dial(span: str, number: str) -> str:
    """A number written in the layout of the span ("(562) 555-0188" -> "(562) 555-0190")."""
    digits = re.sub(r"\D", "", span)
    new = iter(number[-len(digits) :] if len(number) >= len(digits) else number.rjust(len(digits), "1"))
    return re.sub(r"\d", lambda _: next(new), span)


def _tripled(span: str) -> str:
    """ "10 days" -> "30 days", "five to seven business days" -> "15 to 21 business days", "a week" -> "3 weeks"."""
    text = re.sub(r"\ba couple of\b", "2", span, flags=re.IGNORECASE)
    text = re.sub(r"\ba few\b", "3", text, flags=re.IGNORECASE)
    text = re.sub(r"^an?\b", "1", text, flags=re.IGNORECASE)
    text = re.sub(_NUM, lambda m: f"{(_number(m.group(0)) or 1) * 3:g}", text, flags=re.IGNORECASE)
    return re.sub(r"\b(minute|min|hour|hr|day|week|month|year)\b(?!s)", r"\1s", text, flags=re.IGNORECASE)


def _days_text(days: frozenset[int]) -> str:
    if days == frozenset(range(7)):
        return "seven days a week"
    if days == frozenset(range(5)):
        return "Monday through Friday"
    names = [DAYS[d].capitalize() + "s" for d in sorted(days)]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _clock(hour: float) -> str:
    h = int(hour) % 24
    return f"{h % 12 or 12} {'a.m.' if h < 12 else 'p.m.'}"


def stated_values(text: str, context: Context) -> tuple[Value, ...]:
    """Every value a line states, as the grader reads values (e-mail addresses of the agency's domains too)."""
    norm = normalise(text)
    return values_in(norm) + emails_in(norm, context.email_domains)


def untold_right_values(turns: Sequence[Turn], rule: FactRule, context: Context) -> list[str]:
    """Visitor lines that state a right value of the fact which no trainee message before them had said."""
    said: list[Value] = []
    found = []
    for turn in turns:
        values = stated_values(turn.text, context)
        if turn.role == "trainee":
            said += values
            continue
        if any(
            any(v.agrees(r) for r in rule.values) and not any(v.agrees(s) or s.agrees(v) for s in said) for v in values
        ):
            found.append(turn.text)
    return found


@dataclass(frozen=True)
class WrongValueRun:
    """A call that gave a wrong value of one kind for one fact: what the visitor and the grade made of it."""

    where: str
    said: str
    """The trainee's sentence with the wrong value ("" when none reached the visitor)."""
    reply: str
    """The visitor's reply to it."""
    untold: tuple[str, ...]
    """Visitor lines stating the fact's right value the trainee never said."""
    status: str
    total: int

    @property
    def taken_up(self) -> bool:
        """Did the reply take up the trainee's figure ("30 days? Okay, good to know.")?"""
        wrong = [v for v in values_in(normalise(self.said))]
        return any(v.agrees(w) and w.agrees(v) for v in values_in(normalise(self.reply)) for w in wrong)

    @property
    def problems(self) -> list[str]:
        out = [f"{self.where}: the visitor states the right value untold: {quote(line)}" for line in self.untold]
        if not self.said:
            out.append(f"{self.where}: no wrong value reached the visitor (the script could not be made wrong)")
        if self.status != "wrong":
            out.append(f"{self.where}: graded {self.status}, not wrong, after {quote(self.said)}")
        if self.total > 50:
            out.append(f"{self.where}: total {self.total} > 50 after {quote(self.said)}")
        return out


def check_wrong_value(engine: ScenarioEngine, wrong: WrongValueScript, seed: int) -> WrongValueRun:
    rule, kind, script = wrong.rule, wrong.kind, wrong.script
    attempt = Attempt.start(engine, seed)
    for message in script.messages:
        if attempt.ended:
            break
        attempt.say(message)
    result = attempt.finish()
    said = reply = ""
    for i, turn in enumerate(result.turns):
        text = f" {normalise(turn.text)} "
        hit = next((s for s in wrong.said if turn.role == "trainee" and f" {normalise(s)} " in text), None)
        if hit and not said:
            said, reply = hit, result.turns[i + 1].text if i + 1 < len(result.turns) else ""
    status = result.grade.addressed.status(rule.name) if result.grade.addressed else "missing"
    return WrongValueRun(
        f"{rule.name} ({kind}), {script.name}, seed {seed}",
        said,
        reply,
        tuple(untold_right_values(result.turns, rule, engine.scenario.context)),
        status,
        result.grade.total,
    )


# --- 2. Routine questions ---------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    label: str
    ask: str
    topic: str | None
    accept: str | None = None
    """For a question no persona topic holds (weapons): a pattern an answer to it matches."""


def load_questions(path: Path = QUESTIONS) -> dict[str, list[Question]]:
    """Each scenario's routine questions (bench/routine_questions.yaml)."""
    data, _ = load_yaml(path)
    bank = data["questions"]
    out: dict[str, list[Question]] = {}
    for scenario_id, items in data["scenarios"].items():
        questions = []
        for item in items:
            label, ask = next(iter(item.items())) if isinstance(item, dict) else (item, None)
            known = bank[label]
            questions.append(Question(label, ask or known["ask"], known.get("topic"), known.get("accept")))
        out[scenario_id] = questions
    return out


def load_variants(path: Path = QUESTIONS) -> dict[str, list[Question]]:
    """Each scenario's routine questions in other wordings (`variants` of bench/routine_questions.yaml): one
    question per wording, for every label the scenario lists."""
    data, _ = load_yaml(path)
    bank, variants = data["questions"], data.get("variants", {})
    out: dict[str, list[Question]] = {}
    for scenario_id, items in data["scenarios"].items():
        labels = [next(iter(item)) if isinstance(item, dict) else item for item in items]
        out[scenario_id] = [
            Question(label, ask, bank[label].get("topic"), bank[label].get("accept"))
            for label in dict.fromkeys(labels)
            for ask in variants.get(label, ())
        ]
    return out


def _render(text: str, details: Mapping) -> str:
    def fill(m: re.Match[str]) -> str:
        value = details.get(m.group(1))
        if isinstance(value, Mapping):
            return str(value.get(m.group(2) or "name", m.group(0)))
        return m.group(0) if value is None else str(value)

    return re.sub(r"\{([a-z_][a-z0-9_]*)(?:\.([a-z_][a-z0-9_]*))?\}", fill, text)


_LEADING_YES_NO = re.compile(r"^(yes|no)\s+")
_AS_REPEAT = re.compile("|".join(rf"{re.escape(opener)}\s*" for opener in SAID_BEFORE), re.IGNORECASE)
"""A repeat's opener ("Like I said,"), wherever the line put it: the line said all the same."""


def _says(reply: str, lines, details: Mapping) -> bool:
    """Does the reply hold one of these lines (as the grader normalises text: "$15" reads "15 dollars"), less
    any yes or no it opens with ("Is she okay?" gets "Nobody's hurt." from "No, nobody's hurt.")?"""
    said = f" {normalise(_AS_REPEAT.sub('', reply))} "  # "(Asks mother.) Like I said, she's okay." says the line

    def forms(text: str) -> list[str]:
        """The line, its statements (an offer inside an answer is left out) and its first sentence (the rest
        may be left out as an echo of another part of the answer)."""
        sentences = split_sentences(_render(text, details))
        whole = " ".join(x.original for x in sentences)
        statements = " ".join(x.original for x in sentences if "?" not in x.original)
        first = sentences[0].original if sentences and "?" not in sentences[0].original else ""
        return [t for t in (whole, statements, first) if t]

    return any(f" {_LEADING_YES_NO.sub('', normalise(form))} " in said for line in lines for form in forms(line.text))


def classify_answer(engine: ScenarioEngine, details: Mapping, question: Question, reply: str) -> str:
    """ "answered", or what the reply was instead: another topic's detail, "I don't know", or no answer."""
    scenario = engine.scenario
    facts = scenario.persona_facts
    if question.topic in facts and _says(reply, facts[question.topic], details):
        return "answered"
    asked = " ".join(s.norm for s in split_sentences(question.ask))
    if any(d.asked.search(asked) and _says(reply, d.say, details) for d in scenario.persona_details):
        return "answered"  # the persona's concrete detail (its number in digits, its address)
    if question.accept and re.search(question.accept, reply, re.IGNORECASE):
        return "answered"
    others = [t for t, lines in facts.items() if t != question.topic and _says(reply, lines, details)]
    if others:
        return f"a different detail ({', '.join(others)})"
    if _says(reply, scenario.persona_unknown or DONT_KNOW, details):
        return "I don't know" if question.topic in facts else "I don't know (the persona has no such fact)"
    if question.topic is None:
        return "no answer (no topic holds it)"
    return "no answer" if facts else "no answer (no persona facts)"


def check_questions(
    engine: ScenarioEngine, greeting: str, questions: list[Question], seed: int
) -> list[tuple[Question, str, str]]:
    """A courteous greeting, then one routine question a message: each question, the verdict and the reply."""
    attempt = Attempt.start(engine, seed)
    attempt.say(greeting)
    details = engine.details(attempt.visitor)
    out = []
    for q in questions:
        if attempt.ended:
            out.append((q, "not asked (the call was over)", ""))
            continue
        reply = attempt.say(q.ask).reply
        line = reply.line if reply else ""
        verdict = classify_answer(engine, details, q, line)
        if verdict != "answered":
            routed = question_topics(" ".join(s.norm for s in split_sentences(q.ask)))
            verdict += f"; the engine reads it as {', '.join(routed) or 'no topic'}"
        out.append((q, verdict, line))
    attempt.finish()
    return out


# --- 3. The trainee's goodbye after the visitor's ----------------------------------------------


def without_close(message: str, intents) -> str:
    """The message less every sentence that thanks, offers more help or says goodbye."""
    kept = [s.original for s in split_sentences(message) if not detect(s.original, intents).names & _CLOSE_SIGNALS]
    return " ".join(kept)


def check_goodbye(engine: ScenarioEngine, script: Script, seed: int) -> tuple[Finding, bool]:
    """A competent call with no thanks and no offer of help: the visitor says goodbye first; then the trainee's
    "Anything else ...? Thanks for calling." is answered and graded. Also: did the visitor leave unprompted?"""
    intents = engine.scenario.intents
    messages = [script.messages[0]] + [m for m in (without_close(m, intents) for m in script.messages[1:]) if m]
    attempt = Attempt.start(engine, seed)
    where = f"{script.name}, seed {seed}"
    for message in messages:
        if attempt.ended or engine.leaving(attempt.visitor):
            break
        attempt.say(message)
    unprompted = engine.leaving(attempt.visitor)
    if not unprompted and not attempt.ended:
        attempt.say(SEND_OFF)
    problems = []
    if attempt.ended:
        problems.append(f"{where}: the call was over before the closing message ({quote(attempt.turns[-1].text)})")
        attempt.finish()
        return Finding(False, tuple(problems)), unprompted
    goodbye = attempt.turns[-1].text
    if not engine.leaving(attempt.visitor):
        problems.append(f"{where}: the visitor never said goodbye ({quote(goodbye)})")
    elif _GONE.search(goodbye):
        problems.append(f"{where}: the goodbye says the visitor is gone, yet the call goes on: {quote(goodbye)}")
    closing_turn = len(attempt.turns) + 1
    reply = attempt.say(CLOSING).reply
    if reply is None or not reply.line:
        problems.append(f"{where}: the closing message got no reply")
    result = attempt.finish()
    if not result.grade.addressed or not result.grade.addressed.met:
        problems.append(f"{where}: not every fact was given ({', '.join(result.grade.addressed.missing)})")
    for criterion in ("offer_more_help", "appreciation"):
        verdict = result.grade.criteria[criterion]
        if verdict.applicable and not (verdict.met and verdict.turn == closing_turn):
            problems.append(
                f"{where}: {criterion} not credited at the closing turn {closing_turn} "
                f"(met={verdict.met}, turn={verdict.turn})"
            )
    return Finding(not problems, tuple(problems)), unprompted


# --- 6. Checks of understanding, and the header's name ------------------------------------------

CHECKS = {
    "understanding": "Does that make sense?",
    "agreement": "Does that sound okay?",
    "questions": "Do you have any questions?",
    "teach_back": "Can you tell me back what you're going to do?",
}
"""A check of understanding of each kind, asked once every fact is given."""
_SAYS_NO = re.compile(r"^(\([^)]*\)\s*)*(no\b|nope|nah|not really|not yet|honestly, not)", re.IGNORECASE)
_SAYS_YES = re.compile(r"^(\([^)]*\)\s*)*(yes|yeah|yep|it does|sure|sounds good|i think so|mostly)\b", re.IGNORECASE)
_BARE = re.compile(r"^(no, no questions|nope, i'm good|yes, that makes sense|it does, yes|yeah, i follow)\.?$", re.I)


def fits(kind: str, reply: str) -> bool:
    """Does the reply answer the check it was given: yes to "make sense?", no (or its one question) to "any
    questions?", the plan in its words (not a bare yes or no) to "tell me back"?"""
    reply = reply.strip()
    if kind in ("understanding", "agreement"):
        return not _SAYS_NO.match(reply)
    if kind == "questions":
        return not _SAYS_YES.match(reply) or "?" in reply
    return not _SAYS_NO.match(reply) and not _BARE.match(reply) and "no questions" not in reply.lower()


def _until_facts(engine: ScenarioEngine, script: Script) -> list[str]:
    """The script's messages less checks and closings, up to the one that gives the last resolution fact."""
    intents = engine.scenario.intents
    skip = _CLOSE_SIGNALS | {"testing_questions"}
    return [script.messages[0]] + [
        kept
        for m in script.messages[1:]
        if (kept := " ".join(s.original for s in split_sentences(m) if not detect(s.original, intents).names & skip))
    ]


def check_understanding(engine: ScenarioEngine, script: Script, seed: int) -> list[tuple[str, bool, str]]:
    """Each check of understanding, asked in a call that has given every fact: (kind, fits, reply)."""
    out = []
    for kind, ask in CHECKS.items():
        attempt = Attempt.start(engine, seed)
        for message in _until_facts(engine, script):
            if attempt.ended or engine.leaving(attempt.visitor):
                break
            attempt.say(message)
        if attempt.ended or engine.leaving(attempt.visitor):
            attempt.finish()
            continue
        reply = attempt.say(ask).reply
        line = reply.line if reply else ""
        out.append((kind, fits(kind, line), line))
        attempt.finish()
    return out


def name_shown_early(engine: ScenarioEngine, script: Script, seed: int) -> str | None:
    """The first header that names the visitor before any visitor line said the name (None: none did)."""
    attempt = Attempt.start(engine, seed)
    name = engine.persona_name(attempt.visitor)
    said = [attempt.opening]
    try:
        for message in script.messages:
            header = engine.speaker(attempt.visitor)
            if name in header and not any(name.lower() in line.lower() for line in said):
                return header
            if attempt.ended:
                break
            reply = attempt.say(message).reply
            said.append(reply.line if reply else "")
        return None
    finally:
        attempt.finish()


# --- 4. Sarcasm -------------------------------------------------------------------------------


def check_sarcasm(engine: ScenarioEngine, script: Script, line: str, seed: int) -> tuple[bool, bool, list[str]]:
    """A courteous call with one sarcastic line as the second message: does the mood worsen, and does the
    scorecard's outcome line not say "left satisfied"?"""
    attempt = Attempt.start(engine, seed)
    attempt.say(script.messages[0])
    before = attempt.visitor.mood
    reply = attempt.say(line).reply if not attempt.ended else None
    after = MOODS.index(reply.mood) if reply else before
    for message in script.messages[1:]:
        if attempt.ended:
            break
        attempt.say(message)
    result = attempt.finish()
    scenario = engine.scenario
    lines = scorecard_lines(result, scenario.title, "caller" if scenario.channel == "phone" else "visitor")
    outcome = lines[-2]
    where = f"{script.name}, seed {seed}, {quote(line)}"
    problems = []
    worse = after > before
    if not worse:
        problems.append(
            f"{where}: mood {MOODS[before]} -> {MOODS[after]}, not worse ({quote(reply.line if reply else '')})"
        )
    satisfied = "left satisfied" in outcome
    if satisfied:
        problems.append(f"{where}: {outcome}")
    return worse, not satisfied, problems


# --- 7-10. Digits, two-part questions, teach-back, nothing said twice ----------------------------------

NUMBER_ASK = "What's the best number to reach you?"
TEACH_BACK = "Just so I'm sure I explained it, what are you going to do now?"
_PHONE = re.compile(r"\d{3}\D{0,2}\d{4}\b")
_FILLER = frozenset(
    "the a an and or but so to of in on at it is was i i'm my me you your yes no okay ok oh um uh just that this "
    "for with be do did does are were he she his her they them we our thanks thank much very too really please "
    "alright right well sure good great".split()
)


def _content(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9']+", text.lower()) if w not in _FILLER}


def check_digits(engine: ScenarioEngine, greeting: str, seed: int) -> tuple[bool, str]:
    """Asked for a callback number, the persona gives it in digits (or honestly does not know it)."""
    attempt = Attempt.start(engine, seed)
    attempt.say(greeting)
    reply = attempt.say(NUMBER_ASK).reply if not attempt.ended else None
    attempt.finish()
    line = reply.line if reply else ""
    unknown = any(d.name == "phone" and not d.known for d in engine.scenario.persona_details)
    return bool(_PHONE.search(line)) or unknown, line


def check_two_parts(
    engine: ScenarioEngine, greeting: str, questions: list[Question], seed: int
) -> tuple[bool, str, str]:
    """The first two routine questions (of different topics) in one message: is each part answered?"""
    first = questions[0]
    second = next((q for q in questions[1:] if q.topic != first.topic), None)
    if second is None:
        return True, "", ""
    ask = f"{first.ask} And {second.ask[:1].lower()}{second.ask[1:]}"
    attempt = Attempt.start(engine, seed)
    attempt.say(greeting)
    details = engine.details(attempt.visitor)
    reply = attempt.say(ask).reply if not attempt.ended else None
    attempt.finish()
    line = reply.line if reply else ""
    ok = all(classify_answer(engine, details, q, line) == "answered" for q in (first, second))
    return ok, ask, line


def check_teach_back(engine: ScenarioEngine, script: Script, seed: int) -> tuple[bool, str]:
    """Once every fact is given, a teach-back gets what the trainee said, in the visitor's words."""
    attempt = Attempt.start(engine, seed)
    told = _until_facts(engine, script)
    for message in told:
        if attempt.ended or engine.leaving(attempt.visitor):
            break
        attempt.say(message)
    if attempt.ended or engine.leaving(attempt.visitor):
        attempt.finish()
        return True, ""
    reply = attempt.say(TEACH_BACK).reply
    attempt.finish()
    line = reply.line if reply else ""
    said = [_content(s.original) for m in told[1:] for s in split_sentences(m)]
    said += [_content(m) for m in told[1:]]  # two steps of one message said back as one ("I stay and won't hang up")
    echoed = any(
        len(words) >= 3 and any(len(words & t) / len(words) >= 0.5 for t in said)
        for words in (_content(s.original) for s in split_sentences(line))
    )
    return (echoed or said_as_own(engine, line)) and fits("teach_back", line), line


def said_as_own(engine: ScenarioEngine, line: str) -> bool:
    """The read-back says a fact it was told in the visitor's own words (one of the scenario's `says_back` lines,
    its slots and details filled in; a visitor with little English leaves out "the")."""
    own = [
        re.compile(re.sub(r"\\\{[a-z_.]+\\\}", ".+?", re.escape(_no_articles(said.rstrip(".!")))), re.IGNORECASE)
        for entries in engine.scenario.persona_says_back.values()
        for entry in entries
        for said in entry.lines
    ]
    return any(pattern.search(_no_articles(line)) for pattern in own)


def _no_articles(text: str) -> str:
    return re.sub(r"\b(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)


LEAVES = re.compile(r"\bbye\b|turns to go|about to hang up|hangs up|heads out|\(click\.\)|\bleaves\b", re.I)
NON_ANSWER = re.compile(r"no idea|i don't know|not sure|it does, yes|makes sense|no clue", re.I)
REPEAT_OPENER = re.compile(r"^(?:again|as i said|like i said),\s*", re.I)
IN_KIND = {
    "Do you have that written down?": re.compile(r"writ|wrote|phone|got it", re.I),
    "Is that something you can do?": re.compile(r"\bcan\b|i'll do|i will|\bi do\b", re.I),
    "You understand?": re.compile(r"^(?:\(.*?\) )?(?:yes|yeah|okay)\b", re.I),
}
QUIZZES = (
    ("Who is that number for?", re.compile(r"\(?\d{3}\)?[\s.-]*\d{3}[\s.-]\d{4}")),
    (
        "How many days do you have?",
        re.compile(
            r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|fourteen|"
            r"fifteen|twenty|twenty-one|thirty) (?:business |working |calendar )?days\b",
            re.I,
        ),
    ),
)


def _at_facts(engine: ScenarioEngine, script: Script, seed: int) -> Attempt | None:
    """A call that has given every fact, the visitor still there (None: it left on the way)."""
    attempt = Attempt.start(engine, seed)
    for message in _until_facts(engine, script):
        if attempt.ended or engine.leaving(attempt.visitor):
            break
        attempt.say(message)
    if attempt.ended or engine.leaving(attempt.visitor):
        attempt.finish()
        return None
    return attempt


def _asked(engine: ScenarioEngine, attempt: Attempt, message: str) -> tuple[str, bool]:
    """The reply to the message, and whether the visitor stayed (no goodbye, the call not over)."""
    reply = attempt.say(message).reply
    stayed = not reply.ended and not engine.leaving(attempt.visitor) and not LEAVES.search(reply.line)
    return reply.line, stayed


def unearned_repeats(lines: Sequence[str]) -> list[str]:
    """The visitor's sentences that open "Again," / "As I said," before what it never said earlier in the call."""
    found, said = [], []
    for line in lines:
        for sentence in split_sentences(line):
            text = sentence.original
            opener = REPEAT_OPENER.match(text) if not text.endswith("?") else None
            words = _content(text[opener.end() :]) if opener else set()
            numbers = {w for w in words if w.isdigit()}
            everything = set().union(*said) if said else set()
            if (
                opener
                and words
                and not (any(len(words & one) * 3 >= len(words) * 2 for one in said) and numbers <= everything)
            ):
                found.append(text)
            said.append(_content(REPEAT_OPENER.sub("", text)))
    return found


def check_stays(
    engine: ScenarioEngine, script: Script, questions: list[Question], seed: int
) -> tuple[bool, str, list[str]]:
    """Check 11: a question asked with thanks once every fact is given is answered, never a goodbye; and the call's
    visitor lines (for check 12)."""
    attempt = _at_facts(engine, script, seed)
    if attempt is None:
        return True, "", []
    ask = (
        f"Thank you. {_render(questions[0].ask, engine.details(attempt.visitor))}"
        if questions
        else "Thank you. Who was it?"
    )
    line, stayed = _asked(engine, attempt, ask)
    lines = [t.text for t in attempt.turns if t.role == "visitor"]
    attempt.finish()
    return stayed, line, lines


def check_in_kind(engine: ScenarioEngine, script: Script, seed: int) -> list[tuple[str, bool, str]]:
    """Check 13: each check that the visitor has what it needs, once every fact is given: (check, fits, reply)."""
    out = []
    for ask, fitting in IN_KIND.items():
        attempt = _at_facts(engine, script, seed)
        if attempt is None:
            continue
        line, stayed = _asked(engine, attempt, ask)
        said = RING.sub("", line).strip()
        out.append((ask, stayed and bool(fitting.search(said)) and not NON_ANSWER.search(said), line))
        attempt.finish()
    return out


def _value_key(value: str) -> str:
    """A value as a reply may say it: a phone number by its last seven digits, days in lower case."""
    digits = re.sub(r"\D", "", value)
    return digits[-7:] if len(digits) >= 7 else value.lower()


def _asked_at_facts(engine: ScenarioEngine, script: Script, seed: int, ask: str) -> tuple[str, bool, str] | None:
    """The reply to `ask` once the script has given its facts: (line, whether the visitor stayed, the line in lower
    case with its digits run together after it, for finding values); None when the script never gets there."""
    attempt = _at_facts(engine, script, seed)
    if attempt is None:
        return None
    line, stayed = _asked(engine, attempt, ask)
    attempt.finish()
    return line, stayed, line.lower() + " " + re.sub(r"\D", "", line)


def check_quizzes(engine: ScenarioEngine, script: Script, seed: int) -> list[tuple[str, bool, str]]:
    """Check 14: a quiz about a value the script gave gets that value back, briefly: (quiz, fits, reply)."""
    out = []
    told = " ".join(_until_facts(engine, script)[1:])
    for ask, shape in QUIZZES:
        values = [_value_key(m.group(0)) for m in shape.finditer(told)]
        if not values:
            continue
        if (heard := _asked_at_facts(engine, script, seed, ask)) is None:
            continue
        line, stayed, said = heard
        out.append((ask, stayed and any(v in said for v in values) and len(line.split()) <= 20, line))
    return out


# --- 20-21. Round 7: the part asked, the order ------------------------------------------------------

DAY_NAMES = r"\b(?:mon|tues?|wed(?:nes)?|thur?s?|fri|sat(?:ur)?|sun)\w*days?\b"
PHONE_SHAPE = r"\(?\d{3}\)?[\s.-]*\d{3}[\s.-]\d{4}"
FEE_SHAPE = r"\$\s?\d+|\b\d+ dollars\b"
PART_ASKS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Thanks. Just so I know I was clear, can you read me back the number?", (PHONE_SHAPE,)),
    ("Tell me back what days, so I know we're good.", (DAY_NAMES,)),
    # two parts in one request: both read back, in the visitor's words
    (
        "Thanks. Just so I know I was clear, can you tell me back the number and what days you come in?",
        (PHONE_SHAPE, DAY_NAMES),
    ),
    (
        "So I know we're on the same page, can you tell me back what days you come in and what it costs?",
        (DAY_NAMES, FEE_SHAPE),
    ),
)
ORDER_STEPS = "One more thing: first, write the number on your fridge. Then call us back if anything changes."
ORDER_ASKS = (f"{ORDER_STEPS} Which do you do first?", "And are you writing it on the fridge first?")
BARE_YES = re.compile(r"^(?:yes|okay|ok)?[,.]?\s*(?:i've got it|i understand|i've written it down)[^.]*\.$", re.I)


def check_parts(engine: ScenarioEngine, script: Script, seed: int) -> list[tuple[str, bool, str]]:
    """Check 20: a read-back of one part the script gave gets that part, briefly: (ask, fits, reply)."""
    out = []
    told = " ".join(_until_facts(engine, script)[1:])
    for ask, shapes in PART_ASKS:
        values = [
            {re.sub(r"\D", "", m.group(0))[-7:] or m.group(0).lower()[:3] for m in re.finditer(shape, told, re.I)}
            for shape in shapes
        ]
        if not all(values):
            continue
        if (heard := _asked_at_facts(engine, script, seed, ask)) is None:
            continue
        line, stayed, said = heard
        brief = len(line.split()) <= 25 + 12 * (len(shapes) - 1)
        fits = stayed and all(any(v in said for v in part) for part in values) and brief and not BARE_YES.match(line)
        out.append((ask, fits, line))
    return out


def check_order(engine: ScenarioEngine, script: Script, seed: int) -> list[tuple[str, bool, str]]:
    """Check 21: the steps said in order are said back in that order; "... first?" gets a yes: (ask, fits, reply)."""
    attempt = _at_facts(engine, script, seed)
    if attempt is None:
        return []
    out = []
    for ask in ORDER_ASKS:
        line, stayed = _asked(engine, attempt, ask)
        low = line.lower()
        if ask.endswith("Which do you do first?"):
            fits = "fridge" in low and ("call" not in low or low.index("fridge") < low.index("call"))
        else:
            fits = low.startswith("yes")
        out.append((ask, stayed and fits, line))
        if not stayed:
            break
    attempt.finish()
    return out


def _round7(figures: Interactive, engine: ScenarioEngine, script: Script, seed: int) -> None:
    """Checks 20 and 21 of one competent script and seed, counted and flagged."""
    for ask, fit, reply in check_parts(engine, script, seed):
        problem = f"part asked {quote(ask)}: {script.name}, seed {seed}: {quote(reply)}"
        figures.tally("part_asked", "part_ok", fit, problem)
    for ask, fit, reply in check_order(engine, script, seed):
        figures.tally("order_asked", "order_ok", fit, f"order {quote(ask)}: {script.name}, seed {seed}: {quote(reply)}")


def said_twice(run: Run) -> list[str]:
    """Visitor sentences said twice in one call (a repeat said as one, "Like I said, ...", is a new sentence)."""
    seen: set[str] = set()
    twice = []
    for line in run.visitor_lines:
        for s in split_sentences(line):
            key = " ".join(re.findall(r"[a-z0-9']+", s.original.lower()))
            if len(_content(s.original)) < 2:
                continue
            if key in seen:
                twice.append(s.original)
            seen.add(key)
    return twice


# --- The whole of it ----------------------------------------------------------------------------


def interactive(
    engine: ScenarioEngine,
    scripts: list[Script],
    questions: list[Question] | None,
    variants: list[Question] | None = None,
) -> Interactive:
    scenario = engine.scenario
    figures = Interactive(scenario.id)
    competent = [s for s in scripts if s.kind == "competent"]
    scripts_wrong = wrong_value_scripts(scenario, competent)
    figures.wrong_facts = tuple(dict.fromkeys(f"{w.rule.name}/{w.kind}" for w in scripts_wrong))
    for wrong in scripts_wrong:
        for seed in SEEDS:
            run = check_wrong_value(engine, wrong, seed)
            figures.wrong_runs += 1
            figures.untold_clean += not run.untold
            figures.graded_wrong += run.status == "wrong"
            figures.capped += run.total <= 50
            figures.taken_up += run.taken_up
            for p in run.problems:
                figures.flag(f"wrong value: {p}")
    if questions is None:
        figures.flag("routine questions: none listed in bench/routine_questions.yaml")
    elif competent:
        misses: dict[tuple[str, str, str], list[str]] = {}
        for seed in SEEDS:
            for q, verdict, reply in check_questions(engine, competent[0].messages[0], questions, seed):
                tally = figures.per_question.setdefault(q.label, [0, 0])
                tally[1] += 1
                figures.asked += 1
                if verdict == "answered":
                    tally[0] += 1
                    figures.answered += 1
                else:
                    misses.setdefault((q.label, q.ask, verdict), []).append(reply)
        for (label, ask, verdict), replies in misses.items():
            figures.flag(
                f"routine question {label} {quote(ask)}: {verdict} ({len(replies)}x), e.g. {quote(replies[0])}"
            )
    if variants and competent:
        misses = {}
        for seed in SEEDS:
            for q, verdict, reply in check_questions(engine, competent[0].messages[0], variants, seed):
                figures.variants_asked += 1
                figures.variants_answered += verdict == "answered"
                if verdict != "answered":
                    misses.setdefault((q.label, q.ask, verdict), []).append(reply)
        for (label, ask, verdict), replies in misses.items():
            figures.flag(f"wording {label} {quote(ask)}: {verdict} ({len(replies)}x), e.g. {quote(replies[0])}")
    greeting = competent[0].messages[0] if competent else "Good afternoon, Harbor Station. How can I help?"
    for seed in SEEDS:
        ok, line = check_digits(engine, greeting, seed)
        figures.tally("digits_asked", "digits_ok", ok, f"digits: seed {seed}: {quote(line)}")
        if questions:
            ok, ask, line = check_two_parts(engine, greeting, questions, seed)
            figures.tally("parts_asked", "parts_ok", ok, f"two parts {quote(ask)}: seed {seed}: {quote(line)}")
    for script in competent:
        for seed in SEEDS:
            ok, line = check_teach_back(engine, script, seed)
            figures.tally("teach_asked", "teach_ok", ok, f"teach-back: {script.name}, seed {seed}: {quote(line)}")
            twice = said_twice(play(engine, script, seed))
            figures.calls += 1
            figures.calls_unrepeated += not twice
            if twice:
                figures.flag(f"said twice: {script.name}, seed {seed}: {quote(twice[0])}")
            for kind, fit, reply in check_understanding(engine, script, seed):
                problem = f"check {kind} {quote(CHECKS[kind])}: {script.name}, seed {seed}: {quote(reply)}"
                figures.tally("checks_asked", "checks_fit", fit, problem)
            early = name_shown_early(engine, script, seed)
            if early:
                figures.names_early += 1
                figures.flag(f"header {quote(early)} before the visitor said its name ({script.name}, seed {seed})")
            _round5(figures, engine, script, questions or [], seed)
            _round7(figures, engine, script, seed)
            _said_once(figures, script.name, seed, play(engine, script, seed).visitor_lines)
            finding, unprompted = check_goodbye(engine, script, seed)
            figures.goodbye_runs += 1
            figures.goodbye_ok += finding.ok
            figures.left_first += unprompted
            for p in finding.problems:
                figures.flag(f"goodbye: {p}")
            for line in SARCASM:
                worse, fair, problems = check_sarcasm(engine, script, line, seed)
                figures.sarcasm_runs += 1
                figures.mood_worse += worse
                figures.not_satisfied += fair
                for p in problems:
                    figures.flag(f"sarcasm: {p}")
    for seed in SEEDS:
        _round6(figures, engine, greeting, questions or [], seed)
    return figures


def _round5(figures: Interactive, engine: ScenarioEngine, script: Script, questions: list[Question], seed: int) -> None:
    """Checks 11-14 of one competent script and seed, counted and flagged."""
    stayed, line, lines = check_stays(engine, script, questions, seed)
    figures.tally("stay_asked", "stay_ok", stayed, f"left on a question: {script.name}, seed {seed}: {quote(line)}")
    for call_lines in (lines, list(play(engine, script, seed).visitor_lines)):
        unearned = unearned_repeats(call_lines)
        figures.repeat_calls += 1
        figures.repeat_ok += not unearned
        if unearned:
            figures.flag(f"repeat of what was never said: {script.name}, seed {seed}: {quote(unearned[0])}")
    for ask, fit, reply in check_in_kind(engine, script, seed):
        figures.tally("kind_asked", "kind_ok", fit, f"check {quote(ask)}: {script.name}, seed {seed}: {quote(reply)}")
    for ask, fit, reply in check_quizzes(engine, script, seed):
        figures.tally("quiz_asked", "quiz_ok", fit, f"quiz {quote(ask)}: {script.name}, seed {seed}: {quote(reply)}")


# --- 15-19. Round 6 ------------------------------------------------------------------------------

TERSE = "Name + phone?"
CHOICE = "I can give you our front desk number. I can also write it all down for you right now. Which would you prefer?"
CHOSE = re.compile(r"\bwrit|\bnumber\b|\bfirst\b|\bsecond\b", re.I)
HANDED = re.compile(r"\([^()]*\b(takes over|joins the line|comes on the line|comes out to the counter)\b", re.I)
PAPERS = ("Do you have a photo ID on you?", "I mean your photo ID, like a driver's license. Do you have one?")
YES_OR_NO = re.compile(r"^(?:\w+[.,] )?(?:yes|yeah|yep|no|nope|sure|here|i have|i've got|i do|i don't have)\b", re.I)
SAYS_AGAIN = 0.66
"""A sentence says again what an earlier one of its reply said when that one holds this share of its words."""


def said_again(line: str) -> str | None:
    """The first statement of a reply that says again what an earlier sentence of it said, or None."""
    earlier: list[set[str]] = []
    for s in split_sentences(line):
        words = _content(s.original)
        if "?" in s.original or len(words) < 2:
            continue
        if any(len(words & e) / len(words) >= SAYS_AGAIN for e in earlier):
            return s.original
        earlier.append(words)
    return None


def _said_once(figures: Interactive, name: str, seed: int, lines: Sequence[str]) -> None:
    """Check 17 over the replies of one call."""
    for line in lines:
        again = said_again(line)
        figures.once_replies += 1
        figures.once_ok += again is None
        if again:
            figures.flag(f"said twice in one reply: {name}, seed {seed}: {quote(again)} in {quote(line)}")


def _first(line: str) -> str:
    """The reply's answer: its first two sentences (what follows is the visitor's own business)."""
    return " ".join(s.original for s in split_sentences(RING.sub("", line).strip())[:2])


def _reply_to(engine: ScenarioEngine, greeting: str, message: str, seed: int) -> tuple[str, Mapping]:
    attempt = Attempt.start(engine, seed)
    attempt.say(greeting)
    details = engine.details(attempt.visitor)
    line = attempt.say(message).reply.line if not attempt.ended else ""
    attempt.finish()
    return line, details


def check_handover(engine: ScenarioEngine, seed: int) -> tuple[bool | None, str]:
    """Check 18: None when the scenario hands no visitor on to a supervisor in this run."""
    attempt = Attempt.start(engine, seed)
    for message in ("Good afternoon, Harbor Station. How can I help?", "You idiot."):
        if not attempt.ended:
            attempt.say(message)
    if attempt.ended or not engine.leaving(attempt.visitor):
        attempt.finish()
        return None, ""
    reply = attempt.say("I'm sorry, you're right, that was out of line. Let me get my supervisor for you.").reply
    if not HANDED.search(reply.line):
        attempt.finish()
        return None, ""
    if reply.ended:
        attempt.finish()
        return False, f"the call ended on the hand-over: {quote(reply.line)}"
    closing = attempt.say("Thank you for your patience. Is there anything else I can help you with?").reply
    criteria = attempt.finish().grade.criteria
    credited = all(criteria[c].met for c in ("offer_more_help", "appreciation"))
    return closing.ended and credited, quote(closing.line)


def _round6(figures: Interactive, engine: ScenarioEngine, greeting: str, questions: list[Question], seed: int) -> None:
    """Checks 15, 16, 18 and 19 of one scenario and seed (17 over their replies), counted and flagged."""
    labels = {q.label: q for q in questions}
    replies = []
    if "name" in labels and "callback" in labels:
        line, details = _reply_to(engine, greeting, TERSE, seed)
        replies.append(line)
        unknown = any(d.name == "phone" and not d.known for d in engine.scenario.persona_details)
        ok = classify_answer(engine, details, labels["name"], line) == "answered"
        ok = ok and (unknown or bool(re.search(r"\d{3}-\d{4}", line)))
        figures.tally("terse_asked", "terse_ok", ok, f"terse two parts {quote(TERSE)}: seed {seed}: {quote(line)}")
    line, _ = _reply_to(engine, greeting, CHOICE, seed)
    replies.append(line)
    first = _first(line)
    ok = bool(CHOSE.search(first)) and not NON_ANSWER.search(first) and not LEAVES.search(line)
    figures.tally("choice_asked", "choice_ok", ok, f"choice: seed {seed}: {quote(line)}")
    for ask in PAPERS:
        line, _ = _reply_to(engine, greeting, ask, seed)
        replies.append(line)
        first = _first(line)
        ok = bool(YES_OR_NO.search(first) or re.search(r"\byes\b", first, re.I)) and not NON_ANSWER.search(first)
        figures.tally("papers_asked", "papers_ok", ok, f"own papers {quote(ask)}: seed {seed}: {quote(line)}")
    _said_once(figures, "checks 15-19", seed, replies)
    handed, line = check_handover(engine, seed)
    if handed is not None:
        figures.tally("handover_runs", "handover_ok", handed, f"hand-over: seed {seed}: {line}")


def interactive_lines(f: Interactive) -> list[str]:
    questions = ", ".join(f"{label} {a}/{n}" for label, (a, n) in f.per_question.items())
    return [
        f"  wrong value ({', '.join(f.wrong_facts) or 'no fact has values'}): {f.wrong_runs} runs, "
        f"no untold right value {f.untold_clean}/{f.wrong_runs}, graded wrong {f.graded_wrong}/{f.wrong_runs}, "
        f"total <= 50 {f.capped}/{f.wrong_runs} (reply takes up the wrong figure {f.taken_up}/{f.wrong_runs})",
        f"  routine questions: answered {f.answered}/{f.asked} ({questions})",
        f"  goodbye after the visitor's goodbye: closing graded {f.goodbye_ok}/{f.goodbye_runs} "
        f"(visitor said goodbye unprompted {f.left_first}/{f.goodbye_runs})",
        f"  sarcasm: mood worse {f.mood_worse}/{f.sarcasm_runs}, outcome not 'left satisfied' "
        f"{f.not_satisfied}/{f.sarcasm_runs}",
        f"  other wordings answered {f.variants_answered}/{f.variants_asked}; checks of understanding answered "
        f"in kind {f.checks_fit}/{f.checks_asked}; name in the header before it was said: {f.names_early}",
        f"  number in digits {f.digits_ok}/{f.digits_asked}; both parts answered {f.parts_ok}/{f.parts_asked}; "
        f"teach-back with the plan {f.teach_ok}/{f.teach_asked}; calls with no line said twice "
        f"{f.calls_unrepeated}/{f.calls}",
        f"  stays to answer a question {f.stay_ok}/{f.stay_asked}; repeats only of what was said "
        f"{f.repeat_ok}/{f.repeat_calls}; checks answered in kind {f.kind_ok}/{f.kind_asked}; quizzes answered "
        f"with the trainee's value {f.quiz_ok}/{f.quiz_asked}",
        f"  terse two parts answered {f.terse_ok}/{f.terse_asked}; a question of choice gets one "
        f"{f.choice_ok}/{f.choice_asked}; replies that say each thing once {f.once_ok}/{f.once_replies}; closing "
        f"after a hand-over credited {f.handover_ok}/{f.handover_runs}; own papers yes or no "
        f"{f.papers_ok}/{f.papers_asked}",
        f"  the part asked read back {f.part_ok}/{f.part_asked}; the order said back {f.order_ok}/{f.order_asked}",
    ] + [f"    ! {p}" for p in f.problems]


def interactive_table(figures: list[Interactive]) -> list[str]:
    """One row a scenario: each check's passing runs over its runs."""
    heads = (
        "wrong:clean",
        "graded",
        "<=50",
        "questions",
        "goodbye",
        "sarcasm",
        "outcome",
        "wordings",
        "checks",
        "digits",
        "2 parts",
        "teachback",
        "unrepeated",
        "stays",
        "repeats",
        "in kind",
        "quizzes",
    )
    rows = [f"{'scenario':<28}" + "".join(f"{h:>12}" for h in heads)]
    rows.append("-" * len(rows[0]))
    for f in figures:
        cells = (
            (f.untold_clean, f.wrong_runs),
            (f.graded_wrong, f.wrong_runs),
            (f.capped, f.wrong_runs),
            (f.answered, f.asked),
            (f.goodbye_ok, f.goodbye_runs),
            (f.mood_worse, f.sarcasm_runs),
            (f.not_satisfied, f.sarcasm_runs),
            (f.variants_answered, f.variants_asked),
            (f.checks_fit, f.checks_asked),
            (f.digits_ok, f.digits_asked),
            (f.parts_ok, f.parts_asked),
            (f.teach_ok, f.teach_asked),
            (f.calls_unrepeated, f.calls),
            (f.stay_ok, f.stay_asked),
            (f.repeat_ok, f.repeat_calls),
            (f.kind_ok, f.kind_asked),
            (f.quiz_ok, f.quiz_asked),
        )
        rows.append(f"{f.scenario:<28}" + "".join(f"{f'{a}/{n}':>12}" for a, n in cells))
    return rows


def interactive_summary(figures: list[Interactive]) -> list[str]:
    def total(name: str) -> int:
        return sum(getattr(f, name) for f in figures)

    runs, asked, bye, sarcasm = total("wrong_runs"), total("asked"), total("goodbye_runs"), total("sarcasm_runs")
    facts = sum(len(f.wrong_facts) for f in figures)
    untold = [f.scenario for f in figures if f.untold_clean < f.wrong_runs]
    full = sum(f.answered == f.asked > 0 for f in figures)
    return [
        f"all: wrong value: {facts} fact values in {runs} runs; the visitor never states an untold right value in "
        f"{total('untold_clean')}/{runs} ({', '.join(untold) or 'no scenario fails'}); graded wrong "
        f"{total('graded_wrong')}/{runs}; total <= 50 {total('capped')}/{runs}; "
        f"the reply takes up the wrong figure {total('taken_up')}/{runs}",
        f"all: routine questions answered {total('answered')}/{asked} "
        f"({full}/{len(figures)} scenarios answer every one)",
        f"all: goodbye after the visitor's goodbye: closing answered and graded {total('goodbye_ok')}/{bye} "
        f"(visitor said goodbye unprompted {total('left_first')}/{bye})",
        f"all: sarcasm: mood worse {total('mood_worse')}/{sarcasm}, outcome not 'left satisfied' "
        f"{total('not_satisfied')}/{sarcasm}",
        f"all: other wordings of the routine questions answered {total('variants_answered')}/"
        f"{total('variants_asked')}; checks of understanding answered in kind {total('checks_fit')}/"
        f"{total('checks_asked')}; calls naming the visitor in the header before it said its name: "
        f"{total('names_early')}",
        f"all: callback number in digits {total('digits_ok')}/{total('digits_asked')}; both parts of a two-part "
        f"question answered {total('parts_ok')}/{total('parts_asked')}; teach-back answered with the plan "
        f"{total('teach_ok')}/{total('teach_asked')}; competent calls with no line said twice "
        f"{total('calls_unrepeated')}/{total('calls')}",
        f"all: stays to answer a question {total('stay_ok')}/{total('stay_asked')}; repeats only of what was said "
        f"{total('repeat_ok')}/{total('repeat_calls')}; checks answered in kind {total('kind_ok')}/"
        f"{total('kind_asked')}; quizzes answered with the trainee's value {total('quiz_ok')}/{total('quiz_asked')}",
        f"all: terse two parts answered {total('terse_ok')}/{total('terse_asked')}; a question of choice gets one "
        f"{total('choice_ok')}/{total('choice_asked')}; replies that say each thing once {total('once_ok')}/"
        f"{total('once_replies')}; closing after a hand-over credited {total('handover_ok')}/"
        f"{total('handover_runs')}; own papers yes or no {total('papers_ok')}/{total('papers_asked')}",
        f"all: the part asked read back {total('part_ok')}/{total('part_asked')}; the order said back "
        f"{total('order_ok')}/{total('order_asked')}",
    ]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
