"""scripts/check-layers fails where it must: an include against the layer order, and an
include cycle between two files; and passes on a tree in shape."""

import os
import subprocess
import sys
import tempfile
import unittest

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts",
                      "check-layers")


def check(files):
    with tempfile.TemporaryDirectory() as repo:
        for path, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(repo, path)), exist_ok=True)
            with open(os.path.join(repo, path), "w") as f:
                f.write(text)
        r = subprocess.run([sys.executable, SCRIPT, repo], capture_output=True, text=True)
        return r.returncode, r.stderr


class CheckLayersTest(unittest.TestCase):

    def test_a_tree_in_shape_passes(self):
        self.assertEqual(check({"lib/cli/run.cc": '#include "print/table.h"\n',
                                "lib/print/table.h": '#include "quantity/quantity.h"\n',
                                "lib/quantity/quantity.h": "",
                                "plugin/main.cc": '#include "cli/run.h"\n'}), (0, ""))

    def test_an_include_up_the_layers_fails(self):
        code, err = check({"lib/rest/client.cc": '#include "cli/run.h"\n'})
        self.assertEqual(code, 1)
        self.assertIn("lib/rest/client.cc: includes cli/run.h, but lib/rest may include only "
                      "clock, go, json, quantity", err)

    def test_a_cycle_between_two_files_fails(self):
        code, err = check({"lib/cli/run.cc": '#include "cli/watch.h"\n',
                           "lib/cli/watch.cc": '#include "cli/run.h"\n'})
        self.assertEqual(code, 1)
        self.assertIn("include cycle: lib/cli/run -> lib/cli/watch -> lib/cli/run", err)

    def test_a_folder_outside_the_layout_fails(self):
        code, err = check({"lib/util/strings.h": ""})
        self.assertEqual(code, 1)
        self.assertIn("lib/util is not a layer", err)


if __name__ == "__main__":
    unittest.main(verbosity=2)
