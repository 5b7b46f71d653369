"""jupyter_kernel_test over the installed iEchorfile kernelspec, with iEchorfile samples.

The kernel needs a busybox image: the caller points IECHOR_REGISTRY_MIRROR at a registry that
holds library/busybox.
"""
import unittest

import jupyter_kernel_test


class IEchorfileKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "iechorfile"
    language_name = "dockerfile"
    file_extension = ".dockerfile"

    code_hello_world = "FROM busybox\nRUN echo hello, world"
    code_stderr = "FROM busybox\nRUN echo to stderr >&2"

    completion_samples = [
        {"text": "FRO", "matches": {"FROM "}},
        {"text": "ENV A=1\nWORKD", "matches": {"WORKDIR "}},
    ]
    complete_code_samples = [
        "ENV A=1",
        "RUN echo hi",
        'CMD ["sh", "-c", "echo hi"]',
        "RUN <<EOF\necho hi\nEOF",
        "%steps",
    ]
    incomplete_code_samples = ["RUN echo hi \\", "RUN <<EOF\necho hi", 'CMD ["sh",']
    invalid_code_samples = ["FRM busybox"]

    code_page_something = "%help RUN"
    code_generate_error = "FRM busybox"
    code_execute_result = [
        {"code": "FROM scratch\nENV GREETING=hello\n%cache on", "result": "build cache on"},
    ]
    code_display_data = [
        {"code": "FROM scratch\nENV SHOWN=yes", "mime": "text/html"},
        {"code": "FROM scratch\nENV SHOWN=yes", "mime": "text/plain"},
        {"code": "%steps\nENV LAST=1", "mime": "text/html"},
    ]
    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "*GREETING*"
    code_inspect_sample = "RUN"


if __name__ == "__main__":
    unittest.main()
