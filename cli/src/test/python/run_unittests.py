"""Runs unittest modules and ends with one 'N passed, N failed, N skipped' line."""
import sys
import unittest

result = unittest.TextTestRunner(verbosity=2).run(
    unittest.defaultTestLoader.loadTestsFromNames(sys.argv[1:])
)
bad = len(result.failures) + len(result.errors)
print(f"{result.testsRun - bad - len(result.skipped)} passed, {bad} failed, {len(result.skipped)} skipped")
for test, reason in result.skipped:
    print(f"skipped: {test.id()}: {reason}")
sys.exit(0 if result.wasSuccessful() else 1)
