"""The kernel under real notebook clients: nbclient runs notebooks, nbconvert renders them with highlighting, and jupyter console takes a multi-line
instruction typed at a terminal."""
import time
import unittest

import nbformat
import pexpect
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

KERNEL = "iechorfile"


def notebook(*sources):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    return nb


def client(nb, **kwargs):
    return NotebookClient(nb, kernel_name=KERNEL, timeout=120, startup_timeout=60, **kwargs)


def texts(cell, output_type, mime="text/plain"):
    found = []
    for output in cell.outputs:
        if output.output_type != output_type:
            continue
        found.append(output.text if output_type == "stream" else output.data.get(mime, ""))
    return "".join(found)


class NotebookTests(unittest.TestCase):
    def test_nbclient_runs_cells_with_live_output_cards_and_tables(self):
        nb = notebook(
            "FROM busybox",
            "RUN echo from a notebook",
            "ENV GREETING=hello\n%steps",
        )
        client(nb).execute()
        self.assertIn("Step 1", texts(nb.cells[0], "display_data", "text/html"))
        self.assertIn("from a notebook", texts(nb.cells[1], "stream"))
        self.assertIn("<table", texts(nb.cells[2], "execute_result", "text/html"))
        self.assertIn("ENV GREETING=hello", texts(nb.cells[2], "execute_result"))
        info = nb.metadata.language_info
        self.assertEqual((info.name, info.pygments_lexer), ("dockerfile", "docker"))
        html, _ = HTMLExporter().from_notebook_node(nb)
        self.assertIn("hl-docker", html)

    def test_failing_cell_raises_and_shows_the_caret(self):
        nb = notebook("FROM busybox", "RUN exit 3", "ENV NEVER=1")
        with self.assertRaises(CellExecutionError):
            client(nb).execute()
        nb = notebook("FRM busybox")
        client(nb, allow_errors=True).execute()
        error = nb.cells[0].outputs[0]
        self.assertEqual(error.output_type, "error")
        self.assertTrue(any("^" in line for line in error.traceback), error.traceback)


class ConsoleTests(unittest.TestCase):
    def test_console_takes_a_multiline_instruction(self):
        ansi = r"(?:\x1b\[[0-9;?]*[A-Za-z])*"

        def prompt(kind, n):
            return kind + ansi + r"\s*\[" + ansi + str(n) + ansi + r"\]:"

        console = pexpect.spawn(
            "/usr/bin/jupyter",
            ["console", "--kernel", KERNEL, "--no-confirm-exit"],
            encoding="utf-8",
            timeout=60,
            dimensions=(40, 200),
        )
        try:
            console.expect(prompt("In", 1))
            time.sleep(0.5)  # let the IOPub subscription settle (ZeroMQ's slow joiner)
            console.send("FROM busybox\r")
            console.expect(prompt("In", 2))
            console.send("RUN echo first \\\r")
            console.expect(r"\.\.\." + ansi + ":")  # the kernel said: incomplete
            console.send("second\r")
            console.expect("first second")
            console.expect(prompt("In", 3))
            console.sendcontrol("d")
            console.expect(pexpect.EOF)
        finally:
            console.close(force=True)


if __name__ == "__main__":
    unittest.main()
