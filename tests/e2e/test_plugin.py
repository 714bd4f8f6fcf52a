"""kubectl pvcwatch behaves like a kubectl subcommand: shell completion through kubectl's
plugin completion (kubectl_complete-pvcwatch, kubectl >= 1.26), kubectl's wording for bad
flags, and a --help that describes every flag."""

import os
import re
import shutil
import unittest

import harness


def parse_completion(out):
    """Cobra's __complete output: candidate lines (name, tab, description), then ':N'."""
    lines = [line for line in out.splitlines() if line]
    directive = None
    if lines and re.fullmatch(r":\d+", lines[-1]):
        directive = int(lines.pop()[1:])
    return [line.split("\t")[0] for line in lines], directive


NO_FILE_COMP = 4  # cobra's ShellCompDirectiveNoFileComp
DEFAULT = 0       # cobra's ShellCompDirectiveDefault: the shell completes file names


class CompletionTest(harness.ClusterTest):

    def complete(self, *words, env=None):
        r = self.run_cmd(["kubectl", "__complete", "pvcwatch", *words], env=env)
        self.assertEqual(r.code, 0, r)
        return parse_completion(r.out)

    def kubectl_complete(self, *words, env=None):
        """What kubectl answers for its own `get pvc` with the same words."""
        r = self.run_cmd(["kubectl", "__complete", "get", "persistentvolumeclaims", *words],
                         env=env)
        self.assertEqual(r.code, 0, r)
        return parse_completion(r.out)

    def test_plugin_name_is_offered(self):
        names, _ = self.complete_root("pvc")
        self.assertIn("pvcwatch", names)

    def complete_root(self, word):
        r = self.run_cmd(["kubectl", "__complete", word])
        self.assertEqual(r.code, 0, r)
        return parse_completion(r.out)

    def test_every_flag_of_help_is_completed(self):
        names, directive = self.complete("-")
        self.assertEqual(directive, NO_FILE_COMP)
        expected = {"--help", "-h"}
        r = self.pvcwatch("--help")
        for short, long in re.findall(r"^    (?:(-\w), )?(--[\w-]+)=", r.out, re.M):
            expected.add(long)
            if short:
                expected.add(short)
        self.assertGreater(len(expected), 30)
        self.assertEqual(set(names), expected)
        # Long then short, in flag-name order, as cobra lists them.
        self.assertEqual(names[:2], ["--all-namespaces", "-A"])

    def test_flag_prefix(self):
        names, directive = self.complete("--c")
        self.assertEqual(names, ["--certificate-authority", "--chunk-size",
                                 "--client-certificate", "--client-key", "--cluster", "--context",
                                 "--cooldown", "--count"])
        self.assertEqual(directive, NO_FILE_COMP)

    def test_flags_come_with_descriptions_unless_asked_not_to(self):
        r = self.run_cmd(["kubectl", "__complete", "pvcwatch", "--max"])
        # The whole usage, as cobra gives it (kubectl's own flags come the same way).
        self.assertEqual(r.out, "--max-claims\tLimits on the claims: a quantity for the claimed "
                                "total, and/or 'quota' for every ResourceQuota limit on claims in "
                                "the namespaces watched (requests.storage, persistentvolumeclaims "
                                "and their per-StorageClass keys), each namespace against its own "
                                "quotas. Comma-separated or repeated, e.g. --max-claims "
                                "quota,2Ti.\n:4\n")
        r = self.run_cmd(["kubectl", "__completeNoDesc", "pvcwatch", "--max"])
        self.assertEqual(r.out, "--max-claims\n:4\n")

    def test_flags_already_given_are_not_offered_again(self):
        names, _ = self.complete("--once", "-o", "json", "--o")
        self.assertEqual(names, ["--output-watch-events"])
        names, _ = self.complete("-A", "--a")
        self.assertEqual(names, ["--allow-missing-template-keys", "--as", "--as-group"])
        # --as-group repeats, as kubectl's does.
        names, _ = self.complete("--as-group", "a", "--as-")
        self.assertEqual(names, ["--as-group"])

    def test_output_values(self):
        self.assertEqual(self.complete("-o", ""),
                         (["json", "yaml", "name", "jsonpath", "jsonpath-as-json", "jsonpath-file",
                           "custom-columns", "custom-columns-file", "wide"], NO_FILE_COMP))
        self.assertEqual(self.complete("--output", "y"), (["yaml"], NO_FILE_COMP))
        self.assertEqual(self.complete("--output=j"),
                         (["json", "jsonpath", "jsonpath-as-json", "jsonpath-file"], NO_FILE_COMP))
        self.assertEqual(self.complete("-o=w"), (["wide"], NO_FILE_COMP))

    def test_max_claims_values(self):
        self.assertEqual(self.complete("--max-claims", "q"), (["quota"], NO_FILE_COMP))

    def test_namespaces_from_the_cluster_as_kubectl_completes_them(self):
        names, directive = self.complete("-n", "")
        self.assertIn(self.ns, names)
        self.assertIn("default", names)
        self.assertEqual((names, directive), self.kubectl_complete("-n", ""))
        self.assertEqual(self.complete("--namespace", self.ns[:-1]), ([self.ns], NO_FILE_COMP))
        self.assertEqual(self.complete("--namespace=" + self.ns[:-1]), ([self.ns], NO_FILE_COMP))
        self.assertEqual(self.complete("-An", self.ns), ([self.ns], NO_FILE_COMP))

    def kubeconfig_with_contexts(self):
        path = os.path.join(self.cluster_dir, f"{self.ns}-contexts.kubeconfig")
        shutil.copy(self.cluster_file("admin.kubeconfig"), path)
        for args in (["set-context", "staging", "--cluster=pvcwatch", "--user=admin"],
                     ["set-cluster", "nowhere", "--server=https://127.0.0.1:1"],
                     ["set-context", "broken", "--cluster=nowhere", "--user=admin"]):
            self.kubectl("config", *args, "--kubeconfig", path)
        return path

    def test_contexts_from_the_kubeconfig(self):
        # kubectl lists kubeconfig names in Go's map order, which varies: compare sorted.
        def complete(*words, env=None):
            names, directive = self.complete(*words, env=env)
            return sorted(names), directive

        path = self.kubeconfig_with_contexts()
        expected = (["broken", "pvcwatch", "staging"], NO_FILE_COMP)
        self.assertEqual(complete("--kubeconfig", path, "--context", ""), expected)
        self.assertEqual(complete("--kubeconfig", path, "--context", "st"),
                         (["staging"], NO_FILE_COMP))
        names, directive = self.kubectl_complete("--kubeconfig", path, "--context", "")
        self.assertEqual((sorted(names), directive), expected)
        # From $KUBECONFIG when no --kubeconfig is typed.
        env = dict(self.env, KUBECONFIG=path)
        self.assertEqual(complete("--context", "", env=env), expected)
        self.assertEqual(complete("--cluster", "", env=env),
                         (["nowhere", "pvcwatch"], NO_FILE_COMP))
        self.assertEqual(complete("--user", "", env=env), (["admin"], NO_FILE_COMP))

    def test_namespaces_follow_the_typed_context(self):
        path = self.kubeconfig_with_contexts()
        names, _ = self.complete("--kubeconfig", path, "--context", "staging", "-n", "")
        self.assertIn(self.ns, names)
        # A context whose server is down: kubectl has nothing to offer, nor do we.
        names, directive = self.complete("--kubeconfig", path, "--context=broken", "-n", "")
        self.assertEqual((names, directive),
                         self.kubectl_complete("--kubeconfig", path, "--context=broken",
                                               "-n", ""))
        self.assertEqual(names, [])

    def test_file_flags_leave_completion_to_the_shell(self):
        for flag in ("--kubeconfig", "--from-file", "--certificate-authority", "--client-key"):
            self.assertEqual(self.complete(flag, ""), ([], DEFAULT), flag)

    def test_no_arguments_and_nothing_after_help(self):
        self.assertEqual(self.complete(""), ([], NO_FILE_COMP))
        self.assertEqual(self.complete("--once", ""), ([], NO_FILE_COMP))
        self.assertEqual(self.complete("--help", "-"), ([], NO_FILE_COMP))
        self.assertEqual(self.complete("--", "-"), ([], NO_FILE_COMP))
        self.assertEqual(self.complete("-l", ""), ([], NO_FILE_COMP))


class FlagErrorTest(harness.ClusterTest):
    """Bad command lines get kubectl's words (compared with `kubectl get pvc`), then the
    pointer to --help, and exit status 1, without touching the server."""

    def assert_like_kubectl(self, *args):
        theirs = self.kubectl("get", "pvc", *args, check=False)
        ours = self.pvcwatch("--once", *args)
        self.assertEqual(theirs.code, 1, theirs)
        self.assertEqual(ours.code, 1, ours)
        self.assertEqual(ours.out, "")
        self.assertEqual(ours.err, theirs.err.replace("'kubectl get --help'",
                                                      "'kubectl pvcwatch --help'"))

    def test_unknown_flags(self):
        self.assert_like_kubectl("--bogus")
        self.assert_like_kubectl("--bogus=1")
        self.assert_like_kubectl("-z")
        r = self.pvcwatch("--bogus")
        self.assertEqual(r.err, "error: unknown flag: --bogus\n"
                                "See 'kubectl pvcwatch --help' for usage.\n")

    def test_missing_values(self):
        self.assert_like_kubectl("--namespace")
        self.assert_like_kubectl("-n")
        self.assert_like_kubectl("--as-group")
        self.assert_like_kubectl("--context")

    def test_bad_values(self):
        self.assert_like_kubectl("--no-headers=maybe")
        self.assert_like_kubectl("--insecure-skip-tls-verify=x")
        self.assert_like_kubectl("-v", "x")
        self.assert_like_kubectl("-v", "0x10")  # klog's Level reads base 10 only
        self.assert_like_kubectl("-v", "4294967296")  # and 32 bits: out of range
        self.assert_like_kubectl("--request-timeout=x")

    def test_bad_boolean_with_shorthand(self):
        self.assert_like_kubectl("--all-namespaces=maybe")

    def test_bad_boolean_shorthand_with_equals(self):
        self.assert_like_kubectl("-A=maybe")

    def test_bad_verbosity_long_form(self):
        self.assert_like_kubectl("--v=x")

    def test_bad_output_format(self):
        # kubectl's words with our formats; like kubectl, no pointer to --help.
        theirs = self.kubectl("get", "pvc", "-o", "table", check=False)
        ours = self.pvcwatch("--once", "-o", "table")
        prefix = 'error: unable to match a printer suitable for the output format "table", ' \
                 'allowed formats are: '
        self.assertTrue(theirs.err.startswith(prefix), theirs)
        self.assertEqual(theirs.err.count("\n"), 1, theirs)
        self.assertEqual(ours.code, 1, ours)
        self.assertEqual(ours.err, prefix + "json,yaml,name,jsonpath,jsonpath-as-json,jsonpath-file,"
                         "custom-columns,custom-columns-file,wide\n")

    def test_bad_max_claims(self):
        r = self.pvcwatch("--once", "--max-claims", "lots")
        self.assertEqual(r.code, 1, r)
        self.assertTrue(r.err.startswith('error: invalid argument "lots" for "--max-claims" '
                                         'flag: '), r)
        self.assertTrue(r.err.endswith("\nSee 'kubectl pvcwatch --help' for usage.\n"), r)

    def test_arguments_are_refused(self):
        r = self.pvcwatch("extra")
        self.assertEqual(r.code, 1, r)
        self.assertEqual(r.err, 'error: unknown command "extra" for "kubectl pvcwatch"\n'
                                "See 'kubectl pvcwatch --help' for usage.\n")


class HelpTest(harness.ClusterTest):

    def test_help_is_kubectl_style(self):
        r = self.run_cmd(["kubectl", "pvcwatch", "--help"])
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.err, "")
        self.assertEqual(self.pvcwatch("-h").out, r.out)
        self.assertTrue(r.out.endswith("Usage:\n  kubectl pvcwatch [flags]\n"), r.out)
        examples = r.out.split("\nExamples:\n", 1)[1].split("\nOptions:\n", 1)[0]
        commands = [line.strip() for line in examples.splitlines()
                    if line.strip() and not line.strip().startswith("#")]
        self.assertGreater(len(commands), 4)
        for command in commands:
            self.assertIn("kubectl pvcwatch", command)
        for code in ("0", "1", "3"):
            self.assertRegex(r.out, rf"\n  {code}  \S")

    def test_every_flag_is_described(self):
        help_text = self.pvcwatch("--help").out
        names, _ = parse_completion(self.run_cmd(["kubectl_complete-pvcwatch", "--"]).out)
        self.assertGreater(len(names), 25)
        for name in names:
            if name != "--help":
                self.assertRegex(help_text, rf"\n    (-\w, )?{re.escape(name)}=\S*:\n\t\S", name)

    @staticmethod
    def flag_blocks(text):
        """{"--name": "    --name=default:\\n\\tusage\\n"} for kubectl's help layout."""
        return {m.group(2): m.group(0)
                for m in re.finditer(r"^    (-\w, )?(--[\w-]+)=.*:\n\t.*\n", text, re.M)}

    def test_flags_shared_with_kubectl_are_described_in_its_words(self):
        ours = self.flag_blocks(self.pvcwatch("--help").out)
        theirs = self.flag_blocks(self.kubectl("options").out)
        theirs.update(self.flag_blocks(self.kubectl("get", "--help").out))
        shared = ["--as", "--as-group", "--certificate-authority", "--client-certificate",
                  "--client-key", "--cluster", "--context", "--insecure-skip-tls-verify",
                  "--kubeconfig", "--namespace", "--password", "--request-timeout", "--server",
                  "--tls-server-name", "--token", "--user", "--username", "--v", "--selector",
                  "--field-selector", "--show-labels", "--no-headers"]
        for name in shared:
            self.assertEqual(ours.get(name), theirs.get(name), name)

    def test_version(self):
        r = self.pvcwatch("--version")
        self.assertEqual(r.code, 0, r)
        self.assertRegex(r.out, r"^kubectl-pvcwatch v\d+\.\d+\.\d+\S*\n$")


if __name__ == "__main__":
    harness.main()
