"""kubectl get's output flags side by side with the real kubectl: -o name, the JSONPath
printers, custom columns, --sort-by, -L, --show-kind, --chunk-size, and the watch's
--output-watch-events and --watch-only; stdout byte for byte, the errors word for word,
and pvcwatch's own summary kept off a parseable stdout."""

import json
import os
import subprocess
import threading
import time

import harness
import test_list


class GetFlagsTest(test_list.EveryStateTest):

    def same_stdout(self, kubectl_args, our_args=None):
        """Our stdout equals kubectl get pvc's; the summary is on our stderr."""
        theirs = self.kubectl("get", "pvc", *kubectl_args, check=False)
        ours = self.pvcwatch("--once", *(kubectl_args if our_args is None else our_args))
        self.assertEqual(ours.out, theirs.out, f"kubectl: {theirs}\nours: {ours}")
        if theirs.code == 0:
            self.assertIn(ours.code, (0, 3), ours)
            self.assertIn("Total claimed: ", ours.err)
        return ours, theirs

    def same_error(self, args):
        theirs = self.kubectl("get", "pvc", *args, check=False)
        ours = self.pvcwatch("--once", *args)
        self.assertEqual(theirs.code, 1, theirs)
        self.assertEqual((ours.code, ours.out, ours.err), (1, theirs.out, theirs.err))

    def test_name(self):
        self.every_state()
        self.same_stdout(["-n", self.ns, "-o", "name"])
        self.same_stdout(["-A", "-l", f"e2e={self.ns}", "-o", "name"])
        self.same_stdout(["-n", self.ns, "-l", "tier=db", "-o", "name"])
        ours, theirs = self.same_stdout(["-n", self.ns, "-l", "nothing=here", "-o", "name"])
        self.assertEqual(ours.out, "")

    def test_jsonpath(self):
        self.every_state()
        scope = ["-n", self.ns]
        for template in [
                "{.items[*].metadata.name}",
                '{range .items[*]}{.metadata.name}{"\\t"}{.spec.resources.requests.storage}'
                '{"\\n"}{end}',
                "{.kind} {.apiVersion} {.metadata}",
                '{.items[?(@.status.phase=="Bound")].metadata.name}',
                "{.items[*].metadata.managedFields[0].manager}",
                "{.items[0]}",
                # Not {..storage}: recursive descent visits Go maps in random order.
                "{.items[*].status..phase}",
                "{.items[*].metadata.labels}",
                "{.items[-1:].metadata.name}",
                "{.items[*]['metadata.name', 'status.phase']}",
                "{.items[*].spec.nope}",
        ]:
            with self.subTest(template=template):
                self.same_stdout([*scope, "-o", f"jsonpath={template}"])
        self.same_stdout([*scope, "-o", "jsonpath-as-json={.items[*].metadata.name}"])
        self.same_stdout([*scope, "-o", "jsonpath-as-json={.items[0].spec}"])
        path = os.path.join(self.shared_dir("jsonpath-"), "template")
        with open(path, "w") as f:
            f.write('{range .items[*]}{.metadata.namespace}/{.metadata.name}{"\\n"}{end}')
        self.same_stdout([*scope, "-o", f"jsonpath-file={path}"])
        self.same_stdout(["-A", "-l", f"e2e={self.ns}", "-o", f"jsonpath-file={path}"])

    def test_jsonpath_errors(self):
        self.every_state()
        scope = ["-n", self.ns]
        self.same_error([*scope, "-o", "jsonpath={.items[*].metadata.name"])
        self.same_error([*scope, "-o", "jsonpath="])
        self.same_error([*scope, "-o", "jsonpath-file=/nonexistent/template"])
        # The message carries the whole List as Go's %#v: every field of every claim.
        self.same_error([*scope, "-o", "jsonpath={.items[*].spec.nope}",
                         "--allow-missing-template-keys=false"])
        self.same_error([*scope, "-o", "jsonpath={.items[9].metadata.name}"])
        # Go templates are kubectl's alone: ours says which formats there are.
        r = self.pvcwatch("--once", *scope, "-o", "go-template={{.}}")
        self.assertEqual((r.code, r.out), (1, ""))
        self.assertEqual(r.err, 'error: unable to match a printer suitable for the output format '
                         '"go-template={{.}}", allowed formats are: json,yaml,name,jsonpath,'
                         'jsonpath-as-json,jsonpath-file,custom-columns,custom-columns-file,wide\n')
        self.same_error([*scope, "--show-labels", "-o", "name"])

    def test_label_columns_and_kind(self):
        self.every_state()
        scope = ["-n", self.ns]
        for flags in (["-L", "tier,app"], ["-L", "tier", "-L", "e2e", "--show-labels"],
                      ["--show-kind"], ["--show-kind", "-o", "wide", "-L", "app"],
                      ["-A", "-l", f"e2e={self.ns}", "--show-kind", "-L", "tier"],
                      ["--no-headers", "-L", "tier"]):
            with self.subTest(flags=flags):
                args = (flags if "-A" in flags else [*scope, *flags])
                self.assert_same_table(args, args)

    def test_chunk_size(self):
        self.apply([self.pvc(f"claim-{i:02d}", f"{1 + i % 3}Gi") for i in range(7)])
        for size in ("1", "3", "0"):
            with self.subTest(size=size):
                ours = self.assert_same_table(["-n", self.ns, "--chunk-size", size],
                                              ["-n", self.ns, "--chunk-size", size])
        self.assertIn("Total claimed: 13Gi of max 200Gi", ours.out)
        r = self.pvcwatch("--once", "-n", self.ns, "--chunk-size=x")
        theirs = self.kubectl("get", "pvc", "-n", self.ns, "--chunk-size=x", check=False)
        self.assertEqual(r.err.splitlines()[0], theirs.err.splitlines()[0])

    def test_sort_by(self):
        self.every_state()
        scope = ["-n", self.ns]
        for field in (".spec.resources.requests.storage", "{.metadata.name}",
                      ".metadata.creationTimestamp", ".status.phase", ".spec.volumeName"):
            with self.subTest(field=field):
                self.assert_same_table([*scope, "--sort-by", field], [*scope, "--sort-by", field])
                self.same_stdout([*scope, "--sort-by", field, "-o", "name"])
        self.assert_same_table(["-A", "-l", f"e2e={self.ns}", "--sort-by=.metadata.namespace"],
                               ["-A", "-l", f"e2e={self.ns}", "--sort-by=.metadata.namespace"])
        self.same_stdout([*scope, "--sort-by=.spec.resources.requests.storage", "-o",
                          "jsonpath={.items[*].spec.resources.requests.storage}"])
        # By value, not as text: 1536Mi is between 1Gi and 2Gi.
        names = self.pvcwatch("--once", *scope, "--sort-by=.spec.resources.requests.storage",
                              "-o", "jsonpath={.items[*].spec.resources.requests.storage}")
        self.assertEqual(names.out, "1Gi 1536Mi 2Gi 3Gi 4Gi 10Gi")

    def test_sort_by_errors(self):
        self.every_state()
        scope = ["-n", self.ns]
        # kubectl's table printer drops the sorter's error: no table, "No resources found".
        theirs = self.kubectl("get", "pvc", *scope, "--sort-by=.spec.nope")
        ours = self.pvcwatch("--once", *scope, "--sort-by=.spec.nope")
        self.assertEqual((theirs.out, theirs.code), ("", 0))
        self.assertEqual((ours.code, ours.err), (0, theirs.err), ours)
        self.assertNotIn("pending", ours.out)
        self.assertIn("Total claimed: 22016Mi", ours.out)
        self.same_error([*scope, "--sort-by=.spec.nope", "-o", "name"])
        # A map is unsortable: kubectl ends in klog.Exitf; the same line but for its header.
        for args in ([*scope, "--sort-by=.metadata.labels", "-o", "name"],
                     [*scope, "--sort-by=.metadata.labels"]):
            theirs = self.kubectl("get", "pvc", *args, check=False)
            ours = self.pvcwatch("--once", *args)
            body = lambda text: text.split("] ", 1)[-1]
            self.assertEqual((ours.code, ours.out, body(ours.err)),
                             (theirs.code, theirs.out, body(theirs.err)))

    def test_custom_columns(self):
        self.every_state()
        scope = ["-n", self.ns]
        spec = ("NAME:.metadata.name,SIZE:.spec.resources.requests.storage,PHASE:.status.phase,"
                "MODES:.status.accessModes,LABELS:.metadata.labels,CAP:status.capacity.storage")
        self.same_stdout([*scope, "-o", f"custom-columns={spec}"])
        self.same_stdout([*scope, "-o", f"custom-columns={spec}", "--no-headers"])
        self.same_stdout(["-A", "-l", f"e2e={self.ns}", "-o",
                          "custom-columns=NS:.metadata.namespace,NAME:{.metadata.name}"])
        self.same_stdout([*scope, "-o", f"custom-columns={spec}", "--sort-by=.metadata.uid"])
        path = os.path.join(self.shared_dir("columns-"), "columns")
        with open(path, "w") as f:
            f.write("NAME   SIZE\n.metadata.name   .spec.resources.requests.storage\n")
        self.same_stdout([*scope, "-o", f"custom-columns-file={path}"])
        for bad in ("custom-columns=NAME", "custom-columns=", "custom-columns=N:.a[",
                    "custom-columns-file=/nonexistent/c"):
            with self.subTest(output=bad):
                self.same_error([*scope, "-o", bad])
        self.same_error([*scope, "-o", "custom-columns=N:.metadata.name", "-L", "tier"])


class WatchEventsTest(test_list.EveryStateTest):

    def background_kubectl(self, *args):
        proc = subprocess.Popen(["kubectl", *args], env=self.env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        lines = []
        threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True).start()
        self.addCleanup(lambda: (proc.kill(), proc.wait()))
        return proc, lines

    def change_claims(self, watcher, marker):
        """A claim added, one resized, one deleted, each seen by our watch."""
        self.create_claim("added", "5Gi")
        watcher.wait_for(marker("added"))
        self.kubectl("patch", "pvc", "bound", "-n", self.ns, "--type=merge", "-p",
                     '{"spec":{"resources":{"requests":{"storage":"20Gi"}}}}')
        watcher.wait_for(marker("bound"))
        self.kubectl("patch", "pvc", "lost", "-n", self.ns, "--type=merge", "-p",
                     '{"metadata":{"finalizers":null}}')
        self.kubectl("delete", "pvc", "lost", "-n", self.ns, "--wait=false")
        watcher.wait_for(marker("lost"))

    def test_json_event_lines_are_kubectls(self):
        self.every_state()
        args = ["-n", self.ns, "--output-watch-events", "-o", "json"]
        _, theirs = self.background_kubectl("get", "pvc", "-w", *args)
        ours = harness.Watcher(self, args)
        names = lambda line: json.loads(line)["object"]["metadata"]["name"]
        ours.wait_for(lambda line: names(line) == "pending")
        self.change_claims(ours, lambda name: (lambda line: json.loads(line)["type"] != "ADDED"
                                               and names(line) == name or
                                               name == "added" and names(line) == name))
        time.sleep(1)
        kubectl_lines = [line.rstrip("\n") for line in theirs]
        for line in ours.lines:
            self.assertIn(line, kubectl_lines)
        types = [(json.loads(line)["type"], names(line)) for line in ours.lines]
        self.assertIn(("ADDED", "pending"), types)
        self.assertIn(("ADDED", "added"), types)
        self.assertIn(("MODIFIED", "bound"), types)
        self.assertIn(("DELETED", "lost"), types)
        self.assertTrue(any("Total claimed: 22016Mi" in line for line in ours.err_lines),
                        ours.err_lines)

    def test_name_with_watch_only(self):
        self.every_state()
        ours = harness.Watcher(self, ["-n", self.ns, "-o", "name", "--watch-only"])
        deadline = time.monotonic() + 30
        while not any("--- PVC Watch" in line for line in ours.err_lines):
            self.assertLess(time.monotonic(), deadline, ours.err_lines)
            time.sleep(0.1)
        self.create_claim("added", "5Gi")
        self.assertEqual(ours.wait_for("persistentvolumeclaim/"), "persistentvolumeclaim/added")
        self.assertIn("Total claimed: 22016Mi of max 200Gi (10.8%, 6 claims)", ours.err_lines)

    def test_table_event_column(self):
        self.every_state()
        args = ["-n", self.ns, "--output-watch-events"]
        _, theirs = self.background_kubectl("get", "pvc", "-w", *args)
        ours = harness.Watcher(self, args)
        ours.wait_for("--- PVC Watch")
        self.create_claim("added", "5Gi")
        ours.wait_for(lambda line: line.startswith("ADDED") and " added " in line)
        time.sleep(1)
        masked = lambda line: line.rsplit(None, 1)[0]  # AGE, the last column, moves
        table = [masked(line) for line in ours.lines if line.startswith(("EVENT", "ADDED"))]
        kubectl_lines = [masked(line.rstrip("\n")) for line in theirs]
        self.assertEqual(table, kubectl_lines[:len(table)])

    def test_printers_while_watching(self):
        """kubectl get -w hands each printer its tab writer: even JSONPath output is aligned
        at its tabs, the whole first list at once, then each event."""
        self.every_state()
        outputs = ['jsonpath={.metadata.name}{"\\t"}{.spec.resources.requests.storage}{"\\n"}',
                   "custom-columns=NAME:.metadata.name,SIZE:.spec.resources.requests.storage"]
        for index, output in enumerate(outputs):
            with self.subTest(output=output):
                args = ["-n", self.ns, "-o", output]
                _, theirs = self.background_kubectl("get", "pvc", "-w", *args)
                ours = harness.Watcher(self, args)
                ours.wait_for(lambda line: line.startswith("pending"))
                name = f"added-{index}-with-a-longer-name"
                self.create_claim(name, "5Gi")
                ours.wait_for(lambda line: line.startswith(name))
                time.sleep(1)
                kubectl_lines = [line.rstrip("\n") for line in theirs]
                self.assertEqual(ours.lines, kubectl_lines[:len(ours.lines)])
                self.assertGreater(len(ours.lines), 6)


if __name__ == "__main__":
    harness.main()
