"""Start-to-ready time and ENV-cell round trips of the iEchorfile kernel beside ipykernel.

Usage: bench_kernels.py IECHORFILE_KERNEL IPYKERNEL_KERNEL (kernelspec names on JUPYTER_PATH).
"""
import statistics
import sys
import time

from jupyter_client.manager import start_new_kernel

STARTS = 3
CELLS = 30


def round_trip(kc, code):
    t0 = time.perf_counter()
    mid = kc.execute(code)
    while True:
        reply = kc.get_shell_msg(timeout=60)
        if reply["parent_header"].get("msg_id") == mid:
            break
    while True:
        msg = kc.get_iopub_msg(timeout=60)
        if (msg["parent_header"].get("msg_id") == mid and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            break
    if reply["content"]["status"] != "ok":
        raise SystemExit(f"{code!r} failed: {reply['content']}")
    return time.perf_counter() - t0


def measure(name, setup, cell):
    starts, trips = [], []
    for _ in range(STARTS):
        t0 = time.perf_counter()
        km, kc = start_new_kernel(kernel_name=name, startup_timeout=120)
        starts.append(time.perf_counter() - t0)
        try:
            if setup:
                round_trip(kc, setup)
            for i in range(CELLS):
                trips.append(round_trip(kc, cell.format(i=i)))
        finally:
            kc.stop_channels()
            km.shutdown_kernel()
    return starts, trips


def ms(values):
    return f"median {statistics.median(values) * 1000:8.1f} ms   min {min(values) * 1000:8.1f} ms"


def main():
    """Arguments: the iEchorfile kernel as installed, the same on the test classpath, ipykernel."""
    installed, classpath, theirs = sys.argv[1], sys.argv[2], sys.argv[3]
    rows = [
        ("iechorfile (kernel install)", measure(installed, "FROM scratch", "ENV COUNTER={i}")),
        ("iechorfile (java -cp)", measure(classpath, "FROM scratch", "ENV COUNTER={i}")),
        ("ipykernel", measure(theirs, "", "counter = {i}")),
    ]
    print(f"kernel start to ready ({STARTS} starts) and cell round trip ({CELLS} cells per start)")
    for label, (starts, trips) in rows:
        print(f"  {label:<28} start   {ms(starts)}")
        print(f"  {label:<28} cell    {ms(trips)}")


if __name__ == "__main__":
    main()
