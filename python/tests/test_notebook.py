"""Smoke test of notebook use: examples/quickstart.ipynb runs top to bottom in a real
Jupyter kernel (nbclient), and the comparison displays as the HTML report. Without nbclient
and ipykernel its code cells run as a script, each last expression displayed as Jupyter
would."""

import ast
import json
import os
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "quickstart.ipynb"


def outputs_by_kernel():
    import nbclient
    import nbformat

    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    out = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for o in cell.outputs:
            assert o.output_type != "error", "\n".join(o.get("traceback", []))
        data = {}
        for o in cell.outputs:
            data.update(o.get("data", {}))
            if o.output_type == "stream":
                data["stream"] = data.get("stream", "") + o.text
        out.append(data)
    return out


def outputs_by_script(monkeypatch):
    pytest.importorskip("pandas")
    monkeypatch.chdir(NOTEBOOK.parent)
    ns = {}
    out = []
    for cell in json.loads(NOTEBOOK.read_text())["cells"]:
        if cell["cell_type"] != "code":
            continue
        tree = ast.parse("".join(cell["source"]))
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, "<cell>", "exec"), ns)
        data = {}
        if last is not None:
            value = eval(compile(ast.Expression(last.value), "<cell>", "eval"), ns)
            data["text/plain"] = repr(value)
            if hasattr(value, "_repr_html_"):
                data["text/html"] = value._repr_html_()
        out.append(data)
    return out


def test_the_quickstart_notebook_runs(monkeypatch):
    try:
        import ipykernel  # noqa: F401
        import nbclient  # noqa: F401
    except ImportError:
        if os.environ.get("CORROBORATE_REQUIRE_NBCLIENT"):
            raise
        outputs = outputs_by_script(monkeypatch)
    else:
        outputs = outputs_by_kernel()
    shown = outputs[1]["text/html"]
    assert shown.startswith("<iframe srcdoc=") and "Discrepancies (1)" in shown
    assert "around 500 staff" in shown
    assert "<table" in outputs[3]["text/html"]  # the DataFrame
    assert "discrepancy" in outputs[4]["text/html"]
