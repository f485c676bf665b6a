"""The README's Python example runs as shown, from the repository root."""

import re

import pytest

from conftest import REPO


def test_readme_python_example_runs(monkeypatch, capsys):
    pytest.importorskip("pandas")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python"):]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    assert len(code.strip().splitlines()) == 5
    monkeypatch.chdir(REPO)
    ns = {}
    exec(compile(code, "README.md", "exec"), ns)
    # The example prints the discrepancy's figures (its topic is a name the tool chooses).
    assert "More than 300" in capsys.readouterr().out
    assert len(ns["df"]) == sum(len(f.claims) for f in ns["cmp"].findings)
