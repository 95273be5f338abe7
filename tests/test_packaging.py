"""A non-editable install ships every data file the code reads (templates, phrasings, styles): a file
left out of [tool.setuptools.package-data] works in the repository and fails after `pip install .`."""

from __future__ import annotations

import tomllib

from tests.conftest import ROOT

BOT = ROOT / "bot"


def test_every_data_file_beside_the_code_is_declared_as_package_data() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    shipped = {
        path
        for package, patterns in declared.items()
        for pattern in patterns
        for path in (ROOT / package.replace(".", "/")).glob(pattern)
    }
    data = [
        p for p in BOT.rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    ]
    assert data, "the code reads data files beside it"
    missing = sorted(str(p.relative_to(ROOT)) for p in data if p not in shipped)
    assert not missing, f"add to [tool.setuptools.package-data] in pyproject.toml: {missing}"
