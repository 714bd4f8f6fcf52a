"""Listing side by side with the real kubectl: the same table (columns, cells, widths),
the same machine output items, the same errors; and the totals kubectl never shows."""

import json
import os
import re
import time

import harness


class EveryStateTest(harness.ClusterTest):
    """Claims in every state kubectl's printer distinguishes, and the table compared with
    kubectl's (test_get_flags builds on these too)."""

    def setUp(self):
        super().setUp()
        self.ns2 = self.ns + "-b"
        self.kubectl("create", "namespace", self.ns2)

    def apply(self, docs):
        self.kubectl("apply", "-f", "-", stdin=json.dumps({"apiVersion": "v1", "kind": "List",
                                                           "items": docs}))

    def pvc(self, name, size, ns=None, **extra):
        spec = {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": size}}}
        spec.update(extra.pop("spec", {}))
        metadata = {"name": name, "namespace": ns or self.ns, "labels": {"e2e": self.ns}}
        more = extra.pop("metadata", {})
        metadata["labels"].update(more.pop("labels", {}))
        metadata.update(more)
        return {"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": metadata,
                "spec": spec}

    def status(self, name, status, ns=None):
        self.kubectl("patch", "pvc", name, "-n", ns or self.ns, "--subresource=status",
                     "--type=merge", "-p", json.dumps({"status": status}))

    def every_state(self):
        """Claims in every state kubectl's printer distinguishes."""
        long_name = "a-very-long-claim-name-that-stretches-the-name-column-" + "x" * 20
        self.apply([
            self.pvc("pending", "1Gi"),
            self.pvc("bound", "10Gi", spec={"volumeName": "pv-bound", "storageClassName": "fast",
                                            "volumeMode": "Block"}),
            self.pvc("lost", "2Gi", spec={"volumeName": "pv-lost"}),
            self.pvc("annotated", "3Gi", spec={"storageClassName": "ignored"},
                     metadata={"annotations": {"volume.beta.kubernetes.io/storage-class": "legacy"},
                               "labels": {"tier": "db", "app": "shop"}}),
            self.pvc("terminating", "4Gi", metadata={"finalizers": ["example.com/hold"]}),
            self.pvc(long_name, "1536Mi", spec={"storageClassName": "fast"}),
            self.pvc("other-ns", "7Gi", ns=self.ns2, spec={"storageClassName": "slow"}),
        ])
        self.status("bound", {"phase": "Bound", "capacity": {"storage": "12Gi"},
                              "accessModes": ["ReadWriteMany", "ReadWriteOnce", "ReadOnlyMany",
                                              "ReadWriteOncePod", "ReadWriteOnce"]})
        self.status("lost", {"phase": "Lost"})
        self.kubectl("delete", "pvc", "terminating", "-n", self.ns, "--wait=false")
        self.addCleanup(self.kubectl, "patch", "pvc", "terminating", "-n", self.ns,
                        "--type=merge", "-p", '{"metadata":{"finalizers":null}}')

    def assert_same_table(self, kubectl_args, our_args):
        """Our table equals kubectl's byte for byte; retried because AGE moves with the
        clock. When a run takes longer than a second (a sanitized build, 1,234 claims) the
        ages cannot agree: then every cell but AGE must, with AGE masked."""
        for _ in range(5):
            theirs = self.kubectl("get", "pvc", *kubectl_args)
            ours = self.pvcwatch("--once", *our_args)
            self.assertIn(ours.code, (0, 3), ours)
            table = ours.out.split("\n\n")[0] + "\n"
            if table == theirs.out:
                return ours
            time.sleep(0.3)
        age = re.compile(r"(?<=\s)\d+[smhdy](\d+[smhd])?(?=\s|$)")
        masked = lambda text: [re.split(r"\s{3,}", age.sub("AGE", line))
                               for line in text.splitlines()]
        self.assertEqual(masked(table), masked(theirs.out))
        return ours


class ListTest(EveryStateTest):

    def test_table_matches_kubectl_in_every_state(self):
        self.every_state()
        ours = self.assert_same_table(["-n", self.ns], ["-n", self.ns])
        self.assertIn("Terminating", ours.out)
        self.assertIn("RWO,ROX,RWX,RWOP", ours.out)
        # 1 + 10 + 2 + 3 + 4 Gi and 1536Mi, summed from zero in list order.
        self.assertIn("Total claimed: 22016Mi of max 200Gi (10.8%, 6 claims)", ours.out)
        self.assert_same_table(["-n", self.ns, "-o", "wide"], ["-n", self.ns, "-o", "wide"])
        self.assert_same_table(["-n", self.ns, "--show-labels"], ["-n", self.ns, "--show-labels"])
        self.assert_same_table(["-n", self.ns, "--no-headers"], ["-n", self.ns, "--no-headers"])
        selector = ["-l", f"e2e={self.ns}"]
        self.assert_same_table(["-A", *selector], ["-A", *selector])
        self.assert_same_table(["-A", "-o", "wide", "--show-labels", *selector],
                               ["-A", "-o", "wide", "--show-labels", *selector])
        self.assert_same_table(["-n", self.ns, "-l", "tier=db"], ["-n", self.ns, "-l", "tier=db"])
        self.assert_same_table(["-n", self.ns, "--field-selector", "metadata.name=bound"],
                               ["-n", self.ns, "--field-selector", "metadata.name=bound"])

    def test_all_namespaces_subtotals(self):
        self.every_state()
        ours = self.pvcwatch("--once", "-A", "-l", f"e2e={self.ns}")
        self.assertEqual(ours.code, 0, ours)
        lines = ours.out.splitlines()
        self.assertRegex(lines[0], r"^NAMESPACE\s+NAME\s+STATUS")
        summary = ours.out.split("\n\n", 1)[1]
        self.assertRegex(summary, rf"{self.ns}\s+22016Mi")
        self.assertRegex(summary, rf"{self.ns2}\s+7Gi")
        self.assertRegex(summary, r"STORAGECLASS\s+CLAIMED")
        self.assertRegex(summary, r"fast\s+11776Mi")  # 10Gi + 1536Mi
        self.assertRegex(summary, r"slow\s+7Gi")
        self.assertIn("Total claimed: 29184Mi of max 200Gi (14.2%, 7 claims)", summary)

    def test_selectors_and_empty_namespace(self):
        self.every_state()
        r = self.pvcwatch("--once", "-n", self.ns, "-l", "tier=db")
        self.assertEqual(r.code, 0, r)
        self.assertIn("annotated", r.out)
        self.assertNotIn("pending", r.out)
        r = self.pvcwatch("--once", "-n", self.ns, "--field-selector", "metadata.name=lost")
        self.assertIn("Total claimed: 2Gi", r.out)
        empty = self.pvcwatch("--once", "-n", "default", "-l", "nothing=here")
        theirs = self.kubectl("get", "pvc", "-n", "default", "-l", "nothing=here")
        self.assertEqual(empty.err, theirs.err)
        self.assertEqual(empty.err, "No resources found in default namespace.\n")

    def test_server_errors_as_kubectl_shows_them(self):
        for args in (["--field-selector", "status.phase=Bound"],):
            ours = self.pvcwatch("--once", "-n", self.ns, *args)
            theirs = self.kubectl("get", "pvc", "-n", self.ns, *args, check=False)
            self.assertEqual(ours.code, 1, ours)
            self.assertEqual(ours.err.splitlines()[-1], theirs.err.splitlines()[-1])

    def test_json_items_are_the_servers(self):
        self.every_state()
        ours = self.pvcwatch("--once", "-n", self.ns, "-o", "json")
        self.assertEqual(ours.code, 0, ours)
        doc = json.loads(ours.out)
        theirs = json.loads(self.kubectl("get", "pvc", "-n", self.ns, "-o", "json").out)
        self.assertEqual(doc["items"], theirs["items"])
        self.assertEqual((doc["total"], doc["maxClaims"], doc["overage"], doc["claims"]),
                         ("22016Mi", "200Gi", False, 6))
        self.assertEqual(doc["percent"], 10.8)
        self.assertTrue(ours.out.startswith('{\n    "apiVersion": "pvcwatch.kubectl.io/v1",\n'))

    def test_yaml_round_trips_through_from_file(self):
        self.every_state()
        yaml_out = self.pvcwatch("--once", "-n", self.ns, "-o", "yaml")
        self.assertEqual(yaml_out.code, 0, yaml_out)
        self.assertIn("\nitems:\n- apiVersion: v1\n", yaml_out.out)
        back = self.pvcwatch("--from-file", "-", "-o", "json", stdin=yaml_out.out)
        self.assertEqual(back.code, 0, back)
        theirs = json.loads(self.kubectl("get", "pvc", "-n", self.ns, "-o", "json").out)
        self.assertEqual(json.loads(back.out)["items"], theirs["items"])

    def test_from_file_reads_kubectl_output(self):
        self.every_state()
        for fmt in ("json", "yaml"):
            dump = self.kubectl("get", "pvc", "-A", "-o", fmt).out
            path = os.path.join(self.cluster_dir, f"{self.ns}.{fmt}")
            with open(path, "w") as f:
                f.write(dump)
            live = self.pvcwatch("--once", "-A", "-o", "json", "--max-claims", "1Ei")
            offline = self.pvcwatch("--from-file", path, "-A", "-o", "json", "--max-claims", "1Ei")
            self.assertEqual(offline.code, 0, offline)
            self.assertEqual(json.loads(offline.out)["total"], json.loads(live.out)["total"])
            table = self.pvcwatch("--from-file", path, "-A", "--max-claims", "1Ei")
            self.assertIn("NAMESPACE", table.out.splitlines()[0])

    def test_from_file_errors_name_the_file_and_place(self):
        bad = os.path.join(self.cluster_dir, f"{self.ns}-bad.json")
        with open(bad, "w") as f:
            f.write('{"kind": "List", "items": [\n  {"kind": "PersistentVolumeClaim",}\n]}\n')
        r = self.pvcwatch("--from-file", bad)
        self.assertEqual(r.code, 1, r)
        self.assertEqual(len(r.err.splitlines()), 1, r)
        self.assertTrue(r.err.startswith(f"error: {bad}: invalid JSON at line 2"), r.err)
        r = self.pvcwatch("--from-file", "-", stdin="kind: Pod\nmetadata: {name: p}\n")
        self.assertEqual(r.err, "error: <stdin>: object 1 is a Pod, not a PersistentVolumeClaim\n")
        r = self.pvcwatch("--from-file", "/nonexistent/claims.json")
        self.assertEqual(r.err, "error: open /nonexistent/claims.json: no such file or directory\n")

    def test_pages_of_500_match_kubectl(self):
        self.apply([self.pvc(f"claim-{i:04d}", f"{1 + i % 3}Gi") for i in range(1234)])
        ours = self.assert_same_table(["-n", self.ns], ["-n", self.ns])
        expected = sum(1 + i % 3 for i in range(1234))
        self.assertIn(f"Total claimed: {expected}Gi of max 200Gi", ours.out)
        self.assertEqual(self.pvcwatch("--once", "-n", self.ns).code, 3)


if __name__ == "__main__":
    harness.main()
