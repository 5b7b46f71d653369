"""Executes one notebook made of the given iEchorfile cells with nbclient through the installed
iechorfile kernelspec, and prints every output of every cell.

Usage: run_cells.py DIR CELL...   (DIR is the notebook's folder; exit status 1 on an error output)
"""
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def main(folder, sources):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    client = NotebookClient(
        nb,
        kernel_name="iechorfile",
        timeout=300,
        startup_timeout=90,
        resources={"metadata": {"path": folder}},
    )
    status = 0
    try:
        client.execute()
    except CellExecutionError as e:
        print(f"execution stopped: {str(e)[:2000]}")
        status = 1
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                print(f"cell {index} {output.name}: {output.text}")
            elif output.output_type == "error":
                print(f"cell {index} failure {output.ename}: {output.evalue}")
                status = 1
            else:
                print(f"cell {index} {output.output_type}: {dict(output.get('data', {}))}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
