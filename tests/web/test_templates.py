"""The dashboard's templates: each one loads, values are escaped as the pages always were, line breaks
in a template are layout only, and a non-editable install ships every template."""

from __future__ import annotations

import tomllib

import pytest

from bot.web.templating import TEMPLATES, escaped, page_templates, without_layout_breaks
from tests.conftest import ROOT


def test_every_template_loads() -> None:
    env = page_templates().env
    names = env.list_templates()
    assert "base.html" in names and len(names) > 10
    for name in names:
        env.get_template(name)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("<script>alert('x')</script>", "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"),
        ('say "hi" & go', "say &quot;hi&quot; &amp; go"),
        (None, ""),
        (42, "42"),
    ],
)
def test_values_are_escaped_and_none_shows_nothing(value: object, shown: str) -> None:
    template = page_templates().env.from_string("<p title='{{ v }}'>{{ v }}</p>")
    assert escaped(value) == shown
    assert template.render(v=value) == f"<p title='{shown}'>{shown}</p>"


@pytest.mark.parametrize(
    ("source", "page"),
    [
        ("<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n", "<ul><li>a</li><li>b</li></ul>"),
        ("{% if x %}\n  <p>{{ x }}</p>\n{% endif %}", "{% if x %}<p>{{ x }}</p>{% endif %}"),
        ("<p>A sentence\n   goes on</p>", "<p>A sentence goes on</p>"),
        ("<button>Remove</button> <a>Keep</a>", "<button>Remove</button> <a>Keep</a>"),
    ],
)
def test_line_breaks_in_a_template_are_layout_only(source: str, page: str) -> None:
    assert without_layout_breaks(source) == page


def test_a_non_editable_install_ships_every_template() -> None:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["bot.web"]
    shipped = {path for pattern in data for path in TEMPLATES.parent.glob(pattern)}
    templates = [path for path in TEMPLATES.rglob("*") if path.is_file()]
    assert templates
    unshipped = [path.relative_to(TEMPLATES).as_posix() for path in templates if path not in shipped]
    assert not unshipped, f"add these to [tool.setuptools.package-data] in pyproject.toml: {unshipped}"
