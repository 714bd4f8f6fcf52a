"""scripts/package as the release tests run it: output under <build>/package, progress on
our stderr (ctest's log)."""

import os
import subprocess
import sys

import harness

PACKAGE_DIR = os.path.join(os.path.dirname(os.path.abspath(harness.BIN_DIR or ".")), "package")
DIST = os.path.join(PACKAGE_DIR, "dist")


def package(*args):
    """Runs scripts/package ARGS. Returns (exit status, stdout's lines, stderr's last line)."""
    env = dict(os.environ, PVCWATCH_RELEASE_DIR=os.path.join(PACKAGE_DIR, "release"),
               PVCWATCH_DIST_DIR=DIST)
    env.pop("PVCWATCH_RELEASE_URL", None)
    proc = subprocess.run([os.path.join(harness.SOURCE_DIR, "scripts", "package"), *args],
                          env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.stderr:
        print(proc.stderr, end="", flush=True, file=sys.stderr)
    return (proc.returncode, proc.stdout.split("\n")[:-1] if proc.stdout else [],
            (proc.stderr.strip().splitlines() or [""])[-1])
