"""The walking skeleton: the plugin lists the claims of the current context's namespace
over verified HTTPS and adds up what they request."""

import os
import shutil

import harness


class SkeletonTest(harness.ClusterTest):

    def setUp(self):
        super().setUp()
        self.create_claim("data-a", "50Gi")
        self.create_claim("data-b", "100Gi")
        self.create_claim("data-c", "1536Mi")
        self.kubectl("config", "set-context", "--current", f"--namespace={self.ns}",
                     "--kubeconfig", self.kubeconfig_copy())

    def kubeconfig_copy(self):
        path = os.path.join(self.cluster_dir, f"{self.ns}.kubeconfig")
        if not os.path.exists(path):
            shutil.copy(self.cluster_file("admin.kubeconfig"), path)
        return path

    def test_once_lists_claims_and_total(self):
        r = self.pvcwatch("--once", "--kubeconfig", self.kubeconfig_copy())
        self.assertEqual(r.code, 0, r)
        for name in ("data-a", "data-b", "data-c"):
            self.assertIn(name, r.out)
        self.assertIn("155136Mi", r.out)  # 50Gi + 100Gi + 1536Mi, canonical
        self.assertEqual(r.err, "")

    def test_kubeconfig_env_and_plugin_discovery(self):
        env = dict(self.env, KUBECONFIG=self.kubeconfig_copy())
        r = self.run_cmd(["kubectl", "pvcwatch", "--once"], env=env)
        self.assertEqual(r.code, 0, r)
        self.assertIn("data-b", r.out)
        self.assertIn("155136Mi", r.out)

    def test_namespace_flag_overrides_context(self):
        r = self.pvcwatch("--once", "-n", "default")
        self.assertEqual(r.code, 0, r)
        self.assertNotIn("data-a", r.out)
        r = self.pvcwatch("--once", f"-n={self.ns}")
        self.assertEqual(r.code, 0, r)
        self.assertIn("data-a", r.out)

    def test_over_threshold_exit_status(self):
        r = self.pvcwatch("--once", "-n", self.ns, "--max-claims", "100Gi")
        self.assertEqual(r.code, 3, r)

    def test_token_kubeconfig(self):
        r = self.pvcwatch("--once", "-n", self.ns, "--kubeconfig",
                          self.cluster_file("token.kubeconfig"))
        self.assertEqual(r.code, 0, r)
        self.assertIn("data-c", r.out)

    def test_wrong_ca_fails_with_tls_error(self):
        r = self.pvcwatch("--once", "-n", self.ns, "--certificate-authority",
                          self.cluster_file("pki/wrong-ca.crt"))
        self.assertEqual(r.code, 1, r)
        self.assertEqual(r.out, "")
        self.assertEqual(
            r.err, "Unable to connect to the server: tls: failed to verify certificate: "
                   "x509: certificate signed by unknown authority\n")

    def test_wrong_ca_matches_kubectl(self):
        ours = self.pvcwatch("--once", "-n", self.ns, "--certificate-authority",
                             self.cluster_file("pki/wrong-ca.crt"))
        theirs = self.kubectl("get", "pvc", "-n", self.ns, "--certificate-authority",
                              self.cluster_file("pki/wrong-ca.crt"), check=False)
        self.assertNotEqual(theirs.code, 0)
        self.assertEqual(ours.err.splitlines()[-1], theirs.err.splitlines()[-1])


if __name__ == "__main__":
    harness.main()
