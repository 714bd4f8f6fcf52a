"""Hostile and broken input: the kubeconfigs of tests/data/hostile/ and broken flags. Each
ends the command with one clear line on stderr naming the file or flag and the reason
(kubectl's line where kubectl has one for the same input; usage errors add kubectl's
pointer to --help), nothing on stdout, and exit status 1 (never a signal)."""

import os
import re
import shutil
import tempfile
import time

import harness

HOSTILE = os.path.join(harness.SOURCE_DIR, "tests", "data", "hostile")
KLOG = re.compile(r"^[IWE]\d{4} ")  # kubectl's own log lines, not its error
USAGE = "See 'kubectl pvcwatch --help' for usage."


def kubeconfig(name):
    return os.path.join(HOSTILE, "kubeconfig", name + ".yaml")


class HostileInputTest(harness.ClusterTest):

    def setUp(self):
        super().setUp()
        self.tmp = tempfile.mkdtemp(dir=self.cluster_dir, prefix="hostile-")
        self.addCleanup(shutil.rmtree, self.tmp, True)

    def ours(self, *args, timeout=30):
        return self.pvcwatch("--once", *args, stdin="", timeout=timeout)

    def theirs(self, *args):
        return self.run_cmd(["kubectl", "get", "pvc", *args], stdin="", timeout=30)

    @staticmethod
    def error_lines(result):
        return [line for line in result.err.splitlines() if not KLOG.match(line)]

    def assert_fails(self, result, line, usage=False):
        """Exit 1, nothing on stdout, and exactly `line` on stderr (then the pointer to
        --help for a usage error)."""
        self.assertEqual(result.code, 1, result)
        self.assertEqual(result.out, "", result)
        self.assertEqual(result.err.splitlines(), [line] + ([USAGE] if usage else []), result)

    def assert_like_kubectl(self, args, usage=False, ours_only=None):
        """Ours fails with kubectl's own last error line for the same arguments (or with
        `ours_only` when kubectl's wording comes from a different parser, in which case
        both must at least agree on what comes before `ours_only`'s reason)."""
        ours = self.ours(*args)
        theirs = self.theirs(*args)
        self.assertEqual(theirs.code, 1, theirs)
        their_line = self.error_lines(theirs)[0 if usage else -1]
        if ours_only is None:
            self.assert_fails(ours, their_line, usage)
        else:
            line, common = ours_only
            self.assert_fails(ours, line, usage)
            self.assertTrue(line.startswith(common) and their_line.startswith(common),
                            f"ours: {line}\nkubectl: {their_line}")
        return ours

    # ---- kubeconfigs

    def loading(self, path):
        return f'error: error loading config file "{path}": '

    def test_invalid_yaml(self):
        path = kubeconfig("invalid_yaml")
        self.assert_like_kubectl(["--kubeconfig", path], ours_only=(
            self.loading(path) + "yaml: line 6: end of map flow not found",
            self.loading(path) + "yaml: line "))

    def test_wrong_types(self):
        path = kubeconfig("wrong_types")
        self.assert_like_kubectl(["--kubeconfig", path], ours_only=(
            self.loading(path) + "clusters: expected a list", self.loading(path)))
        path = kubeconfig("wrong_field_type")
        self.assert_like_kubectl(["--kubeconfig", path], ours_only=(
            self.loading(path) + 'cluster "c": insecure-skip-tls-verify: expected a boolean',
            self.loading(path)))

    def test_binary_garbage(self):
        path = kubeconfig("binary")
        self.assert_like_kubectl(["--kubeconfig", path], ours_only=(
            self.loading(path) + "the document is not a kubeconfig (expected a YAML mapping)",
            self.loading(path)))

    def test_deep_nesting(self):
        path = os.path.join(self.tmp, "deep.yaml")
        with open(path, "w") as f:
            f.write("clusters: " + "[" * 20000 + "\n")
        self.assert_like_kubectl(["--kubeconfig", path], ours_only=(
            self.loading(path) + "yaml: exceeded max depth of 500",
            self.loading(path) + "yaml: exceeded max depth of "))

    def test_bad_base64(self):
        path = kubeconfig("bad_base64")
        ours = self.assert_like_kubectl(["--kubeconfig", path], ours_only=(
            self.loading(path) + 'cluster "c": certificate-authority-data: illegal base64 data '
                                 "at input byte 3",
            self.loading(path)))
        self.assertTrue(self.error_lines(self.theirs("--kubeconfig", path))[-1]
                        .endswith(": illegal base64 data at input byte 3"))

    def test_missing_server_falls_back_like_kubectl(self):
        # kubectl's default server (localhost:8080) stands in for the missing one.
        self.assert_like_kubectl(["--kubeconfig", kubeconfig("missing_server")])

    def test_unknown_context(self):
        self.assert_like_kubectl(["--kubeconfig", kubeconfig("unknown_context")])
        self.assert_like_kubectl(["--kubeconfig", kubeconfig("unknown_context"),
                                  "--context", "nope"])

    def test_certificate_without_key(self):
        self.assert_like_kubectl(["--kubeconfig", kubeconfig("cert_without_key")])

    def test_certificate_authority_file_missing(self):
        self.assert_like_kubectl(["--kubeconfig", kubeconfig("missing_ca_file")])

    def test_file_that_does_not_exist(self):
        self.assert_like_kubectl(["--kubeconfig", os.path.join(self.tmp, "absent.yaml")])

    def test_directory_given_as_the_file(self):
        self.assert_like_kubectl(["--kubeconfig", os.path.join(HOSTILE, "kubeconfig")])

    def test_symlink_loop_and_path_through_a_file(self):
        loop = os.path.join(self.tmp, "loop")
        os.symlink(loop + "2", loop)
        os.symlink(loop, loop + "2")
        self.assert_like_kubectl(["--kubeconfig", loop])
        self.assert_like_kubectl(["--kubeconfig", kubeconfig("unknown_context") + "/x"])

    def test_unreadable_file(self):
        # Root reads any file whatever its mode, so the file is made unreadable (mode 000)
        # and both programs run as nobody, from a directory nobody can reach: the build
        # tree and kubectl's cache may be under a private (0700) directory.
        setpriv = shutil.which("setpriv")
        if os.geteuid() != 0 or setpriv is None:
            harness.prerequisite("needs root and setpriv to run as nobody")
        shared = self.shared_dir("pvcwatch-unreadable-")
        programs = {}
        for name, source in (("kubectl-pvcwatch", self.plugin),
                             ("kubectl", shutil.which("kubectl", path=self.env["PATH"]))):
            programs[name] = os.path.join(shared, name)
            try:
                os.link(source, programs[name])
            except OSError:
                shutil.copy(source, programs[name])
        path = os.path.join(shared, "unreadable.yaml")
        shutil.copy(kubeconfig("unknown_context"), path)
        os.chmod(path, 0)
        home = os.path.join(shared, "home")
        os.mkdir(home)
        env = dict(self.env, HOME=home, PATH=shared + os.pathsep + "/usr/bin:/bin")
        nobody = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
        ours = self.run_cmd(nobody + [programs["kubectl-pvcwatch"], "--once", "--kubeconfig",
                                      path], env=env, stdin="")
        theirs = self.run_cmd(nobody + [programs["kubectl"], "get", "pvc", "--kubeconfig", path],
                              env=env, stdin="")
        line = self.loading(path) + f"open {path}: permission denied"
        self.assert_fails(ours, line)
        self.assertEqual(self.error_lines(theirs)[-1], line)

    # ---- exec credential plugins (lib/rest/exec_authenticator)

    def test_exec_plugin_prints_garbage(self):
        self.assert_like_kubectl(["--kubeconfig", kubeconfig("exec_garbage")])

    def test_exec_plugin_not_found(self):
        self.assert_like_kubectl(["--kubeconfig", kubeconfig("exec_not_found")])

    def test_exec_plugin_fails(self):
        # The plugin's own stderr ("login expired") is passed through, as client-go does;
        # then our one line, kubectl's last.
        args = ["--kubeconfig", kubeconfig("exec_fails")]
        ours = self.ours(*args)
        theirs = self.theirs(*args)
        script = os.path.join(HOSTILE, "exec", "fails.sh")
        line = (f"Unable to connect to the server: getting credentials: exec: executable "
                f"{script} failed with exit code 3")
        self.assertEqual(ours.code, 1, ours)
        self.assertEqual(ours.out, "")
        self.assertEqual(ours.err.splitlines(), ["login expired", line], ours)
        self.assertEqual(self.error_lines(theirs)[-1], line)

    def test_exec_plugin_hangs(self):
        # kubectl waits for it forever (even with --request-timeout); we give up after 60 s,
        # or after --request-timeout when that is shorter (the 60 s: exec_authenticator_test).
        start = time.monotonic()
        ours = self.ours("--kubeconfig", kubeconfig("exec_hangs"), "--request-timeout", "2s",
                         timeout=30)
        self.assertLess(time.monotonic() - start, 10)
        script = os.path.join(HOSTILE, "exec", "hangs.sh")
        self.assert_fails(ours, f"Unable to connect to the server: getting credentials: exec: "
                                f"executable {script} did not finish within 2s")

    # ---- flags

    def test_max_claims_rejected(self):
        for value, reason in (
                ("-5Gi", "must be a quantity greater than zero, or quota"),
                ("0", "must be a quantity greater than zero, or quota"),
                ("abc", "quantities must match the regular expression "
                        "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
                ("", "quantities must match the regular expression "
                     "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
                ("1e18446744073709551616", "unable to parse quantity's suffix")):
            with self.subTest(value=value):
                self.assert_fails(self.ours("--max-claims", value),
                                  f'error: invalid argument "{value}" for "--max-claims" flag: '
                                  f"{reason}", usage=True)

    def test_max_claims_huge_but_valid(self):
        # 1e400 is a valid resource.Quantity (apimachinery keeps exponents up to int32), so
        # it is accepted; apimachinery prints it as 10e399.
        r = self.ours("-n", self.ns, "--max-claims", "1e400")
        self.assertEqual(r.code, 0, r)
        self.assertIn("Total claimed: 0 of max 10e399 (0.0%, 0 claims)", r.out)

    def test_bad_selectors_like_kubectl(self):
        for args in (["-l", "a=b=c"], ["-l", "!!"], ["--field-selector", "status.phase=Bound"]):
            with self.subTest(args=args):
                self.assert_like_kubectl(["-n", self.ns, *args])

    def test_unknown_output_format(self):
        line = ('error: unable to match a printer suitable for the output format "xml", '
                "allowed formats are: ")
        self.assert_like_kubectl(["-o", "xml"], ours_only=(
            line + "json,yaml,name,jsonpath,jsonpath-as-json,jsonpath-file,custom-columns,"
            "custom-columns-file,wide", line))

    def test_unknown_and_incomplete_flags_like_kubectl(self):
        for args in (["--bogus"], ["--bogus=1"], ["-x"], ["-o"], ["-n"], ["--selector"],
                     ["-v", "abc"]):
            with self.subTest(args=args):
                self.assert_like_kubectl(args, usage=True)

    def test_bad_flag_values(self):
        self.assert_like_kubectl(["--request-timeout", "abc"])
        self.assert_fails(self.ours("--once=maybe"),
                          'error: invalid argument "maybe" for "--once" flag: '
                          'strconv.ParseBool: parsing "maybe": invalid syntax', usage=True)

    # ---- --from-file

    def test_from_file_deeply_nested_json(self):
        path = os.path.join(self.tmp, "deep.json")
        with open(path, "w") as f:
            f.write("[" * 200000 + "]" * 200000)
        r = self.pvcwatch("--from-file", path)
        self.assertEqual(r.code, 1, r)
        self.assertEqual(len(r.err.splitlines()), 1, r)


if __name__ == "__main__":
    harness.main()
