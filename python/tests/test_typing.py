"""The type stubs match the native module (mypy's stubtest), and typed code that uses the
public API passes mypy. Skipped without mypy."""

import subprocess
import sys
import textwrap

import pytest

pytest.importorskip("mypy")

USE = textwrap.dedent('''
    from typing import List, Optional
    import corroborate

    cmp = corroborate.compare([("a", "5 people died."), ("b", "Six people died.")])
    kinds: List[str] = [f.kind for f in cmp.findings]
    conf: float = cmp.findings[0].confidence
    figure: Optional[float] = None
    for c in cmp.findings[0].claims:
        q = c.quantity
        if q is not None:
            figure = q.value
    for x in corroborate.batch([{"event_id": "e", "reports": []}], errors="yield"):
        if isinstance(x, corroborate.Finding):
            eid: Optional[str] = x.event_id
    html: str = cmp.to_html()
''')


def test_stubs_match_the_module():
    out = subprocess.run([sys.executable, "-m", "mypy.stubtest", "corroborate._corroborate",
                          "--ignore-missing-stub"], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_typed_use_passes_mypy(tmp_path):
    f = tmp_path / "use.py"
    f.write_text(USE)
    out = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(f)],
                         capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr
