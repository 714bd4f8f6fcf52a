"""The Linux release archives of scripts/package on other systems than the build machine:
linux_amd64 natively and linux_arm64 under qemu-user, each inside two minimal Debian root
filesystems (through chroot) against the control plane:
- bullseye (Debian 11, glibc 2.31, older than the build machine's) with no Debian trust
  store: its only bundle is at RHEL's path, /etc/pki/tls/certs/ca-bundle.crt;
- bookworm (Debian 12), with Debian's /etc/ssl/certs.
The kubeconfigs name no certificate authority, so every connection proves that the binary
finds the system's roots as Go's crypto/x509 does (the control plane's CA is added to the
root filesystem's bundle for the duration of the module).

Root filesystems and archives come from scripts/package (cached); a missing prerequisite
(root, debootstrap, a Debian mirror, qemu-user-static) skips with the reason, and fails
in CI."""

import os
import shutil
import tarfile
import tempfile
import uuid

import harness
from release import PACKAGE_DIR, package
QEMU_AARCH64 = "/usr/bin/qemu-aarch64-static"
# Where each root filesystem keeps its trust store: the file the control plane's CA is
# added to.
BUNDLE = {"bullseye": "etc/pki/tls/certs/ca-bundle.crt",
          "bookworm": "etc/ssl/certs/ca-certificates.crt"}
GLIBC = {"bullseye": "2.31", "bookworm": "2.36"}
ELF_MACHINE = {"linux_amd64": 62, "linux_arm64": 183}  # EM_X86_64, EM_AARCH64

archives = {}  # platform -> the archive scripts/package made
extracted = {}  # platform -> a directory holding its files
roots = {}  # suite -> root filesystem
saved_bundles = {}  # suite -> the bundle as scripts/package made it


def setUpModule():
    code, out, err = package()
    if code != 0:
        raise RuntimeError(f"scripts/package failed: {err}")
    for path in out:
        platform = os.path.basename(path).removesuffix(".tar.gz").split("_", 2)[2]
        archives[platform] = path
        extracted[platform] = tempfile.mkdtemp(prefix=f"extracted-{platform}.", dir=PACKAGE_DIR)
        with tarfile.open(path) as tar:
            tar.extractall(extracted[platform], filter="tar")


def tearDownModule():
    for suite, text in saved_bundles.items():
        with open(os.path.join(roots[suite], BUNDLE[suite]), "wb") as f:
            f.write(text)
    for path in extracted.values():
        shutil.rmtree(path, ignore_errors=True)


def root_filesystem(suite, cluster_ca):
    """The cached root filesystem of `suite`, its bundle holding `cluster_ca` too."""
    if suite not in roots:
        if os.geteuid() != 0:
            harness.prerequisite("the root filesystems need root (debootstrap, chroot)")
        code, out, err = package("rootfs", suite)
        if code != 0:
            harness.prerequisite(f"no {suite} root filesystem: {err}")
        root = out[-1]
        bundle = os.path.join(root, BUNDLE[suite])
        # The bundle as scripts/package made it, kept beside the root filesystem (a run
        # that died before tearDownModule must not leave its CA in for the next).
        pristine = os.path.join(os.path.dirname(root), f"{suite}-bundle.orig")
        if not os.path.exists(pristine):
            shutil.copyfile(bundle, pristine)
        with open(pristine, "rb") as f:
            saved_bundles[suite] = f.read()
        with open(cluster_ca, "rb") as f:
            ca = f.read()
        with open(bundle, "wb") as f:
            f.write(saved_bundles[suite] + b"\n" + ca)
        roots[suite] = root
    return roots[suite]


class PlatformTest(harness.ClusterTest):
    """One archive's binaries inside one root filesystem; subclasses name both."""

    platform = None
    suite = None

    @classmethod
    def setUpClass(cls):
        if cls.platform == "linux_arm64" and not os.access(QEMU_AARCH64, os.X_OK):
            harness.prerequisite(f"no {QEMU_AARCH64} (apt-get install qemu-user-static)")

    def setUp(self):
        super().setUp()
        self.rootfs = root_filesystem(self.suite, self.cluster_file("pki/ca.crt"))
        name = "pvcwatch-" + uuid.uuid4().hex[:8]
        self.inside = "/tmp/" + name  # the same directory, seen from the chroot
        self.outside = os.path.join(self.rootfs, "tmp", name)
        os.makedirs(self.outside)
        self.addCleanup(shutil.rmtree, self.outside, True)
        for file in os.listdir(extracted[self.platform]):
            shutil.copy2(os.path.join(extracted[self.platform], file), self.outside)
        # The runner: the binary itself, or qemu-user (static, so it runs inside the root)
        # with the aarch64 binary; there is no binfmt_misc handler in a container.
        self.runner = ["chroot", self.rootfs]
        if self.platform == "linux_arm64":
            shutil.copy2(QEMU_AARCH64, self.outside)
            self.runner.append(f"{self.inside}/qemu-aarch64-static")
        for name in ("pki/admin.crt", "pki/admin.key", "token"):
            shutil.copy(self.cluster_file(name), self.outside)
        self.server = self.kubectl("config", "view", "--kubeconfig",
                                   self.cluster_file("admin.kubeconfig"), "-o",
                                   "jsonpath={.clusters[0].cluster.server}").out
        # What Watcher runs: `chroot ROOT [qemu] BINARY ARGS...`.
        self.plugin = self.runner[0]
        self.chroot_env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "HOME": "/root"}

    def kubeconfig(self, user):
        """A kubeconfig in the chroot for the control plane without any CA; returns its
        path inside."""
        lines = ["apiVersion: v1", "kind: Config", "clusters:", "- name: c",
                 f"  cluster: {{server: \"{self.server}\"}}", "users:", "- name: u",
                 "  user:", *["    " + line for line in user], "contexts:", "- name: x",
                 f"  context: {{cluster: c, user: u, namespace: {self.ns}}}",
                 "current-context: x"]
        with open(os.path.join(self.outside, "config"), "w") as f:
            f.write("\n".join(lines) + "\n")
        return f"{self.inside}/config"

    def certificate_kubeconfig(self):
        return self.kubeconfig([f"client-certificate: {self.inside}/admin.crt",
                                f"client-key: {self.inside}/admin.key"])

    def pvcwatch_inside(self, *args):
        return self.run_cmd([*self.runner, f"{self.inside}/kubectl-pvcwatch", *args],
                            env=self.chroot_env, timeout=120)

    def test_the_root_filesystem_is_the_system_described(self):
        r = self.run_cmd(["chroot", self.rootfs, "ldd", "--version"], env=self.chroot_env)
        self.assertIn(f" {GLIBC[self.suite]}\n", r.out.splitlines(True)[0], r)
        debian_store = os.path.join(self.rootfs, "etc/ssl/certs/ca-certificates.crt")
        self.assertEqual(os.path.exists(debian_store), self.suite == "bookworm")
        with open(os.path.join(self.outside, "kubectl-pvcwatch"), "rb") as f:
            header = f.read(20)
        self.assertEqual(header[:4], b"\x7fELF")
        self.assertEqual(int.from_bytes(header[18:20], "little"), ELF_MACHINE[self.platform])

    def test_version(self):
        r = self.pvcwatch_inside("--version")
        self.assertEqual(r.code, 0, r)
        version = os.path.basename(archives[self.platform]).split("_")[1]
        self.assertEqual(r.out, f"kubectl-pvcwatch {version}\n")
        self.assertEqual(r.err, "")

    def test_once_all_namespaces_with_the_system_roots(self):
        self.create_claim("data-a", "50Gi")
        self.create_claim("data-b", "100Gi")
        r = self.pvcwatch_inside("--once", "-A", "--max-claims", "1000Ei",
                                 "--kubeconfig", self.certificate_kubeconfig())
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.err, "")
        lines = [line.split() for line in r.out.splitlines()]
        self.assertEqual(lines[0][:2], ["NAMESPACE", "NAME"])
        self.assertIn([self.ns, "data-a", "Pending"], [line[:3] for line in lines])
        self.assertIn([self.ns, "data-b", "Pending"], [line[:3] for line in lines])
        self.assertIn("Total claimed: ", r.out)

    def test_ssl_cert_file_and_dir_replace_the_system_roots(self):
        # Pointed elsewhere, as Go's crypto/x509 is, the binary no longer trusts the
        # root filesystem's bundle.
        kubeconfig = self.certificate_kubeconfig()
        self.chroot_env.update(SSL_CERT_FILE="/etc/hostname", SSL_CERT_DIR="/nonexistent")
        r = self.pvcwatch_inside("--once", "--kubeconfig", kubeconfig)
        self.assertEqual((r.code, r.out), (1, ""), r)
        self.assertEqual(r.err, "Unable to connect to the server: tls: failed to verify "
                                "certificate: x509: certificate signed by unknown authority\n")
        self.chroot_env.update(SSL_CERT_FILE=f"/{BUNDLE[self.suite]}")
        r = self.pvcwatch_inside("--once", "--kubeconfig", kubeconfig)
        self.assertEqual(r.code, 0, r)

    def test_watch_sees_a_new_claim(self):
        self.create_claim("data-a", "50Gi")
        watcher = harness.Watcher(self, [*self.runner[1:], f"{self.inside}/kubectl-pvcwatch",
                                         "--kubeconfig", self.certificate_kubeconfig()],
                                  env=self.chroot_env)
        watcher.wait_for("--- PVC Watch", timeout=60)
        self.create_claim("data-late", "75Gi")
        watcher.wait_for("PVC data-late added, claim size 75Gi", timeout=60)
        self.assertEqual(watcher.interrupt(timeout=30), 0, watcher.err_lines)
        self.assertEqual(watcher.err_lines, [])

    def test_exec_credential_plugin(self):
        self.create_claim("data-a", "50Gi")
        plugin = os.path.join(self.outside, "credential-plugin")
        with open(plugin, "w") as f:
            f.write(EXEC_PLUGIN.format(dir=self.inside))
        os.chmod(plugin, 0o755)
        kubeconfig = self.kubeconfig([
            "exec:", "  apiVersion: client.authentication.k8s.io/v1",
            f"  command: {self.inside}/credential-plugin", "  interactiveMode: Never"])
        r = self.pvcwatch_inside("--once", "--kubeconfig", kubeconfig)
        self.assertEqual(r.code, 0, r)
        self.assertIn("data-a", r.out)
        self.assertIn("50Gi", r.out)
        with open(os.path.join(self.outside, "plugin-ran")) as f:
            self.assertIn('"kind":"ExecCredential"', f.read().replace(" ", ""))


# A shell script, so that it runs in any root filesystem: it records the ExecCredential
# it was given and answers with the control plane's token.
EXEC_PLUGIN = """#!/bin/sh
printf '%s\\n' "$KUBERNETES_EXEC_INFO" >{dir}/plugin-ran
printf '{{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",'
printf '"status":{{"token":"%s"}}}}\\n' "$(cat {dir}/token)"
"""


class Amd64BullseyeTest(PlatformTest):
    platform, suite = "linux_amd64", "bullseye"


class Amd64BookwormTest(PlatformTest):
    platform, suite = "linux_amd64", "bookworm"


class Arm64BullseyeTest(PlatformTest):
    platform, suite = "linux_arm64", "bullseye"


class Arm64BookwormTest(PlatformTest):
    platform, suite = "linux_arm64", "bookworm"


del PlatformTest  # only its subclasses run

if __name__ == "__main__":
    harness.main()
