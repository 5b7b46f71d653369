"""Executes the teaching notebooks with nbclient through the installed iechorfile kernelspec, in
place, and checks them: no cell may give an error output or a stderr stream that reports a
failure, and nbconvert's HTML must highlight the iEchorfile cells.

Usage: run_notebooks.py DIR   (executes every DIR/*.ipynb; exit status 1 on any problem)
"""
import pathlib
import re
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

KERNEL = "iechorfile"
FAILURE = re.compile(r"(?i)\b(error|failed|cannot|exception|traceback)\b")


def problems(nb):
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                found.append(f"cell {index}: error output {output.ename}: {output.evalue}")
            elif output.output_type == "stream" and output.name == "stderr":
                if FAILURE.search(output.text):
                    found.append(f"cell {index}: stderr says: {output.text.strip()[:300]}")
    return found


def highlighting(nb):
    info = nb.metadata.get("language_info", {})
    if info.get("pygments_lexer") != "docker":
        return [f"language_info has no docker lexer: {dict(info)}"]
    html, _ = HTMLExporter().from_notebook_node(nb)
    if 'class="hl-docker"' not in html and "hl-docker" not in html:
        return ["nbconvert's HTML has no hl-docker (highlighted iEchorfile) cells"]
    if '<span class="k">FROM</span>' not in html:
        return ["nbconvert's HTML does not mark FROM as a keyword"]
    return []


def run(path):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name=KERNEL,
        timeout=300,
        startup_timeout=90,
        resources={"metadata": {"path": str(path.parent)}},
    )
    try:
        client.execute()
    except CellExecutionError as e:
        return [f"execution stopped: {str(e)[:2000]}"]
    found = problems(nb) + highlighting(nb)
    nbformat.write(nb, path)
    return found


def main():
    folder = pathlib.Path(sys.argv[1])
    books = sorted(folder.glob("*.ipynb"))
    if not books:
        print(f"no notebooks in {folder}")
        return 1
    failed = 0
    for book in books:
        found = run(book)
        status = "ok" if not found else "FAILED"
        print(f"{book.name}: {status}")
        for line in found:
            print("  " + line)
        failed += bool(found)
    print(f"{len(books) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
