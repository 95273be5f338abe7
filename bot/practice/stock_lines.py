"""The visitor's stock lines: what any persona says when its scenario has no line of its own.

Answers to checks of understanding, "I don't know", goodbyes, nudges and the openers of a repeat,
each in everyday speech and, where a persona's register calls for it, in that register. Data
tables only: the engine and the answers choose among them by the visitor's seed and turn.
"""

from __future__ import annotations

from bot.scenarios.format import Line

DONT_KNOW = (Line("I don't know, honestly."), Line("I'm not sure, sorry."), Line("I really don't know that."))
NOT_YET = {
    "understanding": ("I think so. But", "Mostly, yes. But", "Yes, I think so. Only,"),
    "agreement": ("I think so. But", "Yes, mostly. But", "Okay. Only,"),
    "questions": ("Just one.", "Yes, one thing.", "Actually, yes."),
    "teach_back": ("I'm not sure I can yet.", "Um, not yet, I think.", "I'm still missing a piece."),
}
"""The opener of a visitor who understood what was said but still needs something (its open question follows)."""
ALL_CLEAR = {
    "understanding": ("Yes, that makes sense.", "It does, yes.", "Yeah, I follow.", "Yes, got it."),
    "questions": ("No, no questions.", "No, I think that covers it.", "Nope, I'm good.", "No, I've got it."),
    "agreement": ("Yes, that sounds good.", "Sounds good, yes.", "Yes, that works for me."),
    "both": ("Yes, it does. No questions.", "Yes, got it. No questions.", "Yeah, I follow. No questions."),
    "teach_back": ("Sure.", "Okay, let me see.", "Okay."),
}
TOLD_BACK = ("I think I've got it all.", "I think I've got it. I'll do it just like you said.", "I've got it, yes.")
"""A teach-back answered when the scenario has no line that says the plan back."""
SAID_BEFORE = ("Like I said,", "As I said,", "Again,")
NOTHING_ELSE = ("No, I think that's everything.", "No, that's all. Thank you.", "No, I'm okay. Thanks.")
"""An offer of more help when the visitor has nothing left to ask."""
DISTRESSED = {
    "understanding": ("Okay. I understand.", "Yes. Okay.", "I think so. Okay."),
    "questions": ("No. Not right now.", "No, I don't think so.", "No."),
    "agreement": ("Okay.", "Yes. Okay.", "Okay. Yes, please."),
    "both": ("Okay. I understand.", "Yes. I think I understand.", "Okay. No questions."),
    "teach_back": ("Okay.", "Um. Okay.", "Let me think."),
}
LIMITED = {
    "understanding": ("Yes. I understand.", "Yes, okay.", "Okay. Yes."),
    "questions": ("No question.", "No. Okay.", "No, thank you."),
    "agreement": ("Yes, okay.", "Okay. Good.", "Yes. Good."),
    "both": ("Yes. No question.", "Okay. I understand.", "Yes, okay. No question."),
    "teach_back": ("Okay.", "Yes.", "Okay, I say."),
}
CHILD = {
    "understanding": ("Yeah. I get it.", "Okay, yeah.", "Yeah, I understand."),
    "questions": ("No, I don't think so.", "Um, no.", "No."),
    "agreement": ("Okay, yeah.", "Yeah, okay.", "Okay."),
    "both": ("Yeah, I get it. No questions.", "Okay. Um, no questions.", "Yeah. No."),
    "teach_back": ("Um, okay.", "Okay, so.", "Okay."),
}
REGISTERS: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "distressed": {
        "all_clear": DISTRESSED,
        "nothing_else": {"none": ("No. Just... thank you.", "No. That's all.", "No, I'm okay.")},
    },
    "limited": {
        "all_clear": LIMITED,
        "not_yet": {"understanding": ("Yes. But", "Okay. But"), "questions": ("One question.", "Yes, one.")},
        "nothing_else": {"none": ("No. Thank you.", "No, that is all. Thank you.", "No. Okay.")},
    },
    "child": {"all_clear": CHILD},
}
"""Stock lines in each persona register, by the table they replace (the default table is everyday speech)."""
NUDGES = (
    "Sorry, I feel like we're going in circles.",
    "I'm not sure we're getting anywhere.",
    "Okay, but that doesn't really help me.",
    "I'm still stuck on the same thing.",
)
AGAIN = ("So,", "Sorry, but", "I mean,", "Sorry, so")

LAST_WORDS = ("Bye.", "Thanks. Bye.", "Okay, bye now.")
LAST_WORDS_ASKED = ("No, that's everything. Thanks, bye.", "No, I'm all set. Bye.", "Nope, that's it. Thanks.")
TAKEN_ABACK = (
    "Excuse me?",
    "Wow. Okay. Was that necessary?",
    "Was that supposed to be funny?",
    "I don't appreciate that. Are you going to help me or not?",
)
"""The visitor's first words after sarcasm or contempt."""
OFFER_YES = ("Yes, please.", "Yes, please. Thank you.", "Please, yes.")
"""The visitor's yes to an offer ("Do you want me to write that number down for you?")."""

SELF_ANSWERS = {
    "with_you": ("It's just me.", "I'm on my own."),
    "fine": ("I'm fine, thanks.", "I'm okay, thanks for asking."),
    "safe_place": ("I think so. I'll figure something out.", "I'm not sure yet. I'll work something out."),
    "own_id": ("Yes, I have it with me.", "Yes, I brought it."),
    "anonymous": ("No, you can use my name.", "No, that's fine. You can use my name."),
    "here": ("Yes, I'm here.", "Yes, I can hear you."),
    "able": ("Yes, I can do that.", "Yes, that works."),
    "want": ("Yes, please.", "Yes, I'd like that."),
    "tried": ("Yes, I have. It didn't help.", "I tried. It didn't do any good."),
    "not_yet": ("No, not yet.", "Not yet, no."),
    "done": ("Yes, I have.", "I have, yes."),
    "request": ("Sure.", "Okay, sure."),
}
"""Answers to a yes-or-no question about the visitor itself that no persona detail covers ("Is anyone with you?"):
honest, and the same each time it is asked (bot.practice.asking.SELF_ASKED)."""
SELF_REGISTERS = {
    "limited": {
        "with_you": ("Only me.",),
        "fine": ("I am okay. Thank you.",),
        "own_id": ("Yes. I have.",),
        "anonymous": ("No. My name is okay.",),
        "here": ("Yes. I am here.",),
        "able": ("Yes. Okay.",),
        "want": ("Yes, please.",),
        "tried": ("Yes, I try. Is no good.",),
        "not_yet": ("No. Not yet.",),
        "done": ("Yes. I do this.",),
        "request": ("Okay.",),
    },
    "distressed": {"with_you": ("It's just me.",), "request": ("Okay.",), "tried": ("I tried. It didn't help.",)},
    "child": {"with_you": ("Um, just me.",), "request": ("Okay.",), "not_yet": ("Um, no. Not yet.",)},
}
"""The stock answers about the visitor itself, in a persona's register where everyday words do not fit."""
