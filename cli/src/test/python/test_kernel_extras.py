"""Protocol tests jupyter_kernel_test lacks: control-channel kernel_info, comm_info, heartbeat,
interrupt of a running step, restart, and garbage on the wire."""
import time
import unittest
import uuid
from queue import Empty

import zmq
from jupyter_client.manager import start_new_kernel
from jupyter_kernel_test.msgspec_v5 import validate_message

KERNEL = "iechorfile"


class ExtraProtocolTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=60)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel()

    def drain_iopub(self, parent_id, timeout=10):
        msgs, deadline = [], time.time() + timeout
        while time.time() < deadline:
            try:
                m = self.kc.get_iopub_msg(timeout=0.5)
            except Empty:
                continue
            validate_message(m)
            if m["parent_header"].get("msg_id") == parent_id:
                msgs.append(m)
                if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
                    break
        return msgs

    def shell_reply(self, mid, timeout=60):
        """The shell reply to request mid, skipping replies to earlier requests (such as the
        kernel_info requests wait_for_ready repeats)."""
        deadline = time.time() + timeout
        while True:
            reply = self.kc.get_shell_msg(timeout=max(0.1, deadline - time.time()))
            if reply["parent_header"].get("msg_id") == mid:
                return reply

    def execute(self, code, **kwargs):
        mid = self.kc.execute(code, **kwargs)
        reply = self.shell_reply(mid)
        validate_message(reply, "execute_reply", mid)
        return reply, self.drain_iopub(mid)

    def test_kernel_info_on_control(self):
        msg = self.kc.session.msg("kernel_info_request")
        self.kc.control_channel.send(msg)
        reply = self.kc.get_control_msg(timeout=10)
        validate_message(reply, "kernel_info_reply", msg["header"]["msg_id"])
        self.assertEqual(reply["content"]["language_info"]["pygments_lexer"], "docker")

    def test_comm_info(self):
        mid = self.kc.comm_info()
        reply = self.shell_reply(mid, timeout=10)
        validate_message(reply, "comm_info_reply", mid)
        self.assertEqual(reply["content"]["comms"], {})

    def test_heartbeat(self):
        self.assertTrue(self.kc.is_alive())
        deadline = time.time() + 5
        while not self.kc.hb_channel.is_beating() and time.time() < deadline:
            time.sleep(0.1)
        self.assertTrue(self.kc.hb_channel.is_beating())

    def test_interrupt_running_step(self):
        self.execute("FROM busybox")
        mid = self.kc.execute("RUN sleep 30\nENV AFTER=1")
        time.sleep(1.5)
        t0 = time.time()
        self.km.interrupt_kernel()
        reply = self.shell_reply(mid, timeout=15)
        validate_message(reply, "execute_reply", mid)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertLess(time.time() - t0, 5)
        errors = [m for m in self.drain_iopub(mid) if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1)
        self.assertEqual(errors[0]["content"]["ename"], "Interrupted")
        reply, _ = self.execute("ENV AFTER=2")
        self.assertEqual(reply["content"]["status"], "ok")

    def test_stop_on_error_aborts_queued_cells(self):
        # As JupyterLab's "Run all" does: every request is made before the first one fails.
        requests = [
            self.kc.session.msg("execute_request", dict(code=code, silent=False, store_history=True,
                                user_expressions={}, allow_stdin=False, stop_on_error=True))
            for code in ("FRM busybox", "ENV QUEUED=1")
        ]
        for msg in requests:
            self.kc.shell_channel.send(msg)
        first, second = (msg["header"]["msg_id"] for msg in requests)
        replies = {}
        while len(replies) < 2:
            r = self.kc.get_shell_msg(timeout=30)
            if r["parent_header"].get("msg_id") in (first, second):
                replies[r["parent_header"]["msg_id"]] = r["content"]["status"]
                if r["content"]["status"] == "abort":
                    # jupyter_kernel_test 0.4.5's abort schema cannot validate any message (it
                    # wants status "error" and a JSON type "list"), so check the shape here.
                    self.assertEqual(r["msg_type"], "execute_reply")
                    self.assertIsInstance(r["content"]["traceback"], list)
                    self.assertIsInstance(r["content"]["execution_count"], int)
                else:
                    validate_message(r, "execute_reply", r["parent_header"]["msg_id"])
        self.assertEqual(replies[first], "error")
        self.assertEqual(replies[second], "abort")
        self.drain_iopub(second)

    def execute_in_cell(self, code, cell_id):
        """An execute request as JupyterLab sends it, with the cell's id in the metadata."""
        content = dict(code=code, silent=False, store_history=True, user_expressions={},
                       allow_stdin=False, stop_on_error=True)
        msg = self.kc.session.msg("execute_request", content, metadata={"cellId": cell_id})
        self.kc.shell_channel.send(msg)
        mid = msg["header"]["msg_id"]
        reply = self.shell_reply(mid)
        validate_message(reply, "execute_reply", mid)
        return reply, self.drain_iopub(mid)

    def test_rerun_cell_replaces_its_steps_on_the_original_parent(self):
        self.execute("%reset")
        self.execute_in_cell("FROM busybox", "cell-from")
        self.execute_in_cell("ENV A=1", "cell-a")
        self.execute_in_cell("ENV B=2", "cell-b")
        reply, outputs = self.execute_in_cell("ENV A=3", "cell-a")
        self.assertEqual(reply["content"]["status"], "ok")
        said = "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")
        self.assertIn("Re-running this cell on step 1", said)
        reply, outputs = self.execute("%steps")
        table = [m for m in outputs if m["msg_type"] == "execute_result"][0]["content"]["data"]
        live = [line for line in table["text/plain"].splitlines() if " live " in line]
        self.assertEqual(2, len(live), table["text/plain"])
        self.assertIn("FROM busybox", live[0])
        self.assertIn("ENV A=3", live[1])
        # The later cell's step stays redoable; %redo applies it again on the new step.
        self.assertIn("Steps 3 to 3 are redoable with %redo.", said)
        pending = [line for line in table["text/plain"].splitlines() if " pending " in line]
        self.assertEqual(1, len(pending), table["text/plain"])
        self.assertIn("ENV B=2", pending[0])
        reply, _ = self.execute("%redo")
        self.assertEqual(reply["content"]["status"], "ok")
        reply, outputs = self.execute("%env")
        env = "".join(str(m["content"].get("data", {}).get("text/plain", "")) for m in outputs)
        self.assertRegex(env, r"(?m)^A +3 ")
        self.assertRegex(env, r"(?m)^B +2 ")
        # Unchanged steps come back from the build cache when the cell runs again as it was.
        self.execute_in_cell("RUN echo a layer", "cell-run")
        reply, outputs = self.execute_in_cell("RUN echo a layer", "cell-run")
        card = [m for m in outputs if m["msg_type"] == "display_data"][0]["content"]["data"]
        self.assertIn("  cached in", card["text/plain"])

    def test_zz_garbage_then_still_answers(self):
        ctx = zmq.Context.instance()
        sock = ctx.socket(zmq.DEALER)
        sock.linger = 0
        info = self.km.get_connection_info()
        sock.connect("tcp://%s:%d" % (info["ip"], info["shell_port"]))
        sock.send_multipart([b"garbage"])
        sock.send_multipart([b"<IDS|MSG>", b"x"])
        sock.send_multipart([b"<IDS|MSG>", b"deadbeef", b"{}", b"{}", b"{}", b"{}"])
        sock.send_multipart([b"<IDS|MSG>", b"", b"not json", b"{}", b"{}", b"{}"])
        unknown = self.kc.session.msg("no_such_request", {})
        self.kc.session.send(sock, unknown)
        bad = self.kc.session.msg("kernel_info_request")
        frames = self.kc.session.serialize(bad)
        frames[frames.index(b"<IDS|MSG>") + 1] = b"0" * 64
        sock.send_multipart(frames)
        for _ in range(200):
            sock.send_multipart([uuid.uuid4().bytes * (1 + _ % 5)])
        time.sleep(0.5)
        sock.close()
        mid = self.kc.kernel_info()
        reply = self.shell_reply(mid, timeout=10)
        validate_message(reply, "kernel_info_reply", mid)
        reply, _ = self.execute("%steps")
        self.assertEqual(reply["content"]["status"], "ok")

    def test_zzz_restart(self):
        self.km.restart_kernel(now=False)
        self.kc.wait_for_ready(timeout=60)
        reply, outputs = self.execute("%steps")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(reply["content"]["execution_count"], 1)


if __name__ == "__main__":
    unittest.main()
