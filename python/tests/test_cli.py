"""The command-line tool ships in the wheel: installed beside the interpreter's scripts, on
PATH in the environment, the same version as the module."""

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import corroborate
from conftest import CORPUS


def test_the_binary_is_installed_with_the_package(cli):
    exe = Path(corroborate.executable())
    assert exe.is_file() and os.access(exe, os.X_OK)
    assert exe.parent == Path(sysconfig.get_path("scripts")).resolve() or \
        exe.parent == Path(sys.executable).parent.resolve() or \
        exe.parent == Path(sys.executable).parent
    on_path = shutil.which("corroborate", path=str(exe.parent))
    assert on_path and Path(on_path).resolve() == exe.resolve()
    out = cli("--version")
    assert out.stdout.decode().split() == ["corroborate", corroborate.__version__]


def test_python_m_corroborate_runs_it():
    news = CORPUS / "moscow-call-centres"
    out = subprocess.run([sys.executable, "-m", "corroborate", "compare", news / "news.txt",
                          news / "analysis.txt", "--only", "discrepancy"], capture_output=True)
    assert out.returncode == 1, out.stderr  # a discrepancy, as the README says
    assert b"DISCREPANCY " in out.stdout
    assert b"More than 300 people" in out.stdout and b"around 500 staff" in out.stdout
