"""Signals to the kernel process while a RUN is going: SIGINT stops the step and the kernel goes
on answering (as ipykernel does); SIGTERM stops the step and ends the kernel. Either way no RUN
process is left behind. Each test sleeps for its own unusual number of seconds, so that pgrep
finds only its processes."""
import os
import signal
import subprocess
import time
import unittest

from jupyter_client.manager import start_new_kernel
from jupyter_kernel_test.msgspec_v5 import validate_message

KERNEL = "iechorfile"


def processes(pattern):
    """The pids of processes whose command line contains pattern."""
    found = subprocess.run(["pgrep", "-f", pattern], capture_output=True, text=True)
    return found.stdout.split()


def await_processes(pattern, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if processes(pattern):
            return
        time.sleep(0.2)
    raise AssertionError(f"no process matching {pattern!r} started")


def await_gone(pattern, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline and processes(pattern):
        time.sleep(0.2)
    return processes(pattern)


class KernelSignalTests(unittest.TestCase):
    def setUp(self):
        self.km, self.kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=60)
        self.pid = self.km.provisioner.process.pid
        self.pattern = None

    def tearDown(self):
        self.kc.stop_channels()
        if self.km.is_alive():
            self.km.shutdown_kernel(now=True)
        # Whatever the outcome, nothing of this test outlives it.
        for pid in processes(self.pattern) if self.pattern else []:
            os.kill(int(pid), signal.SIGKILL)

    def shell_reply(self, mid, timeout=60):
        deadline = time.time() + timeout
        while True:
            reply = self.kc.get_shell_msg(timeout=max(0.1, deadline - time.time()))
            if reply["parent_header"].get("msg_id") == mid:
                validate_message(reply, "execute_reply", mid)
                return reply

    def execute(self, code, timeout=60):
        return self.shell_reply(self.kc.execute(code), timeout)

    def start_sleep(self, seconds):
        self.assertEqual(self.execute("FROM busybox")["content"]["status"], "ok")
        self.pattern = f"sleep {seconds}"
        mid = self.kc.execute(f"RUN sleep {seconds}\nENV AFTER=1")
        await_processes(self.pattern)
        return mid

    def test_sigint_stops_the_step_and_the_kernel_goes_on(self):
        mid = self.start_sleep(3074)
        t0 = time.time()
        os.kill(self.pid, signal.SIGINT)
        reply = self.shell_reply(mid, timeout=15)
        self.assertLess(time.time() - t0, 5)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "Interrupted")
        self.assertEqual(await_gone("sleep 3074"), [])
        self.assertTrue(self.km.is_alive())
        after = self.execute("ENV AFTER=2")
        self.assertEqual(after["content"]["status"], "ok")

    def test_sigterm_stops_the_step_and_ends_the_kernel(self):
        self.start_sleep(3075)
        os.kill(self.pid, signal.SIGTERM)
        self.km.provisioner.process.wait(timeout=15)
        self.assertFalse(self.km.is_alive())
        self.assertEqual(await_gone("sleep 3075", timeout=2), [])


if __name__ == "__main__":
    unittest.main()
