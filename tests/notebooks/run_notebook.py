"""Executes a notebook with nbclient and exits non-zero when any cell fails.

Usage: /usr/bin/python3 tests/notebooks/run_notebook.py NOTEBOOK [EXECUTED_COPY]

The kernel is the interpreter running this script (a temporary kernelspec is
registered for it), so the packages it sees are the ones the notebook gets.
"""
import json
import os
import sys
import tempfile

spec_root = tempfile.mkdtemp(prefix="conflict-graph-kernel-")
spec_dir = os.path.join(spec_root, "kernels", "conflict-graph-python")
os.makedirs(spec_dir)
with open(os.path.join(spec_dir, "kernel.json"), "w") as f:
    json.dump({"argv": [sys.executable, "-Xfrozen_modules=off", "-m", "ipykernel_launcher", "-f", "{connection_file}"], "display_name": "conflict-graph", "language": "python"}, f)
os.environ["JUPYTER_PATH"] = spec_root + os.pathsep + os.environ.get("JUPYTER_PATH", "")

import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402
from nbclient.exceptions import CellExecutionError  # noqa: E402

if len(sys.argv) not in (2, 3):
    sys.exit(__doc__)
notebook = nbformat.read(sys.argv[1], as_version=4)
client = NotebookClient(notebook, timeout=120, kernel_name="conflict-graph-python", resources={"metadata": {"path": os.getcwd()}})
try:
    client.execute()
except CellExecutionError as error:
    print(error, file=sys.stderr)
    sys.exit(1)
finally:
    if len(sys.argv) == 3:
        nbformat.write(notebook, sys.argv[2])
for cell in notebook.cells:
    for output in cell.get("outputs", []):
        if output.get("name") == "stdout":
            sys.stdout.write(output["text"])
