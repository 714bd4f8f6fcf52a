"""The release archives of scripts/package (linux_amd64 and linux_arm64): what they hold,
that they are fully static, that linux_amd64 runs on a bare Debian (a minimal root
filesystem, through chroot) against the control plane and finds the system trust store
there, and that krew itself validates the manifest and installs it into a working
`kubectl pvcwatch`. test_platforms runs both on other systems.

The slow parts are cached under ${XDG_CACHE_HOME:-~/.cache}/kubectl-pvcwatch/ by
scripts/package (zig, each platform's static libraries, krew, the root filesystems); the
release builds live in <build>/package/. A missing prerequisite (root, debootstrap, a Debian mirror, Go)
skips the tests that need it, with the reason, and fails them in CI."""

import hashlib
import http.server
import json
import os
import re
import secrets
import shutil
import ssl
import subprocess
import tarfile
import tempfile
import threading
import uuid

import harness
from release import DIST, PACKAGE_DIR, package

ARCHIVE_FILES = {"kubectl-pvcwatch", "kubectl_complete-pvcwatch", "LICENSE", "README.md"}
PLATFORMS = ["linux_amd64", "linux_arm64"]  # what scripts/package builds by default
PT_INTERP, PT_DYNAMIC = 3, 2

archives = {}  # platform -> path of the archive scripts/package made
archive = None  # the linux_amd64 one, which this machine runs
extracted = None  # a directory holding its files


def last_line(lines):
    return (lines or [""])[-1]


def setUpModule():
    global archive, extracted
    code, out, err = package()
    if code != 0:
        raise RuntimeError(f"scripts/package failed: {err}")
    for path in out:
        archives[os.path.basename(path).removesuffix(".tar.gz").split("_", 2)[2]] = path
    archive = archives["linux_amd64"]
    extracted = tempfile.mkdtemp(prefix="extracted.", dir=PACKAGE_DIR)
    subprocess.run(["tar", "-xzf", archive, "-C", extracted], check=True)


def tearDownModule():
    if extracted:
        shutil.rmtree(extracted, ignore_errors=True)


def version_of(binary):
    out = subprocess.run([binary, "--version"], capture_output=True, text=True,
                         check=True).stdout
    return out.removeprefix("kubectl-pvcwatch ").strip()


class PackageTest(harness.ClusterTest):

    def version(self):
        return version_of(os.path.join(extracted, "kubectl-pvcwatch"))


class ArchiveTest(PackageTest):

    def test_one_archive_per_platform(self):
        self.assertEqual(sorted(archives), PLATFORMS)

    def test_holds_the_plugin_its_completion_license_and_readme(self):
        for path in archives.values():
            with tarfile.open(path) as tar:
                members = {m.name: m for m in tar.getmembers()}
            self.assertEqual(set(members), ARCHIVE_FILES)
            for name, member in members.items():
                self.assertTrue(member.isfile(), name)
                self.assertEqual((member.uid, member.gid), (0, 0), name)
                self.assertEqual(member.mode, 0o755 if name.startswith("kubectl") else 0o644,
                                 name)
        for name in ("LICENSE", "README.md"):
            with open(os.path.join(extracted, name), "rb") as ours, \
                    open(os.path.join(harness.SOURCE_DIR, name), "rb") as source:
                self.assertEqual(ours.read(), source.read(), name)
        with open(os.path.join(extracted, "LICENSE")) as f:
            self.assertEqual(f.read(200).split()[:3], ["Apache", "License", "Version"])

    def test_name_and_version_agree(self):
        version = self.version()
        # Semver with a leading v, as krew wants it; the archive name carries the same.
        self.assertRegex(version, r"^v\d+\.\d+\.\d+([-+]\S*)?$")
        for platform, path in archives.items():
            self.assertEqual(os.path.basename(path),
                             f"kubectl-pvcwatch_{version}_{platform}.tar.gz")

    def test_sha256_file(self):
        for path in archives.values():
            with open(path, "rb") as f:
                digest = hashlib.sha256(f.read()).hexdigest()
            with open(path + ".sha256") as f:
                self.assertEqual(f.read(), f"{digest}  {os.path.basename(path)}\n")

    def test_fully_static(self):
        # No program interpreter and no dynamic section: nothing is loaded at run time,
        # not even a libc, so any Linux kernel of the last decade runs it.
        for path in archives.values():
            with tarfile.open(path) as tar:
                for name in ("kubectl-pvcwatch", "kubectl_complete-pvcwatch"):
                    elf = tar.extractfile(name).read()
                    self.assertEqual(elf[:5], b"\x7fELF\x02", name)  # 64-bit
                    phoff = int.from_bytes(elf[32:40], "little")
                    size, count = (int.from_bytes(elf[o:o + 2], "little") for o in (54, 56))
                    types = {int.from_bytes(elf[phoff + i * size:phoff + i * size + 4], "little")
                             for i in range(count)}
                    self.assertFalse(types & {PT_INTERP, PT_DYNAMIC}, f"{path} {name}")

    def test_manifest_is_krew_manifest_yaml_with_version_uris_and_sha256s(self):
        # The source's lines, with spec.version and each built platform's uri and sha256
        # filled in, and the platforms not built left out.
        version = self.version()
        with open(os.path.join(harness.SOURCE_DIR, "krew-manifest.yaml")) as f:
            head, _, platforms = f.read().partition("  platforms:\n")
        expected = re.sub(r"(?m)^  version: .*$", f"  version: {version}", head)
        expected += "  platforms:\n"
        for block in re.split(r"(?m)^(?=  - selector:)", platforms)[1:]:
            platform = "_".join(re.search(rf"(?m)^        {k}: (\S+)$", block).group(1)
                                for k in ("os", "arch"))
            if platform not in archives:
                continue
            with open(archives[platform] + ".sha256") as f:
                digest = f.read().split()[0]
            block = re.sub(r"(?m)^    uri: .*$",
                           f"    uri: file://{DIST}/{os.path.basename(archives[platform])}",
                           block)
            expected += re.sub(r"(?m)^    sha256: .*$", f'    sha256: "{digest}"', block)
        with open(os.path.join(DIST, "pvcwatch.yaml")) as f:
            self.assertEqual(f.read(), expected)
        self.assertEqual(expected.count("  - selector:"), len(PLATFORMS))


class ChrootTest(PackageTest):
    """The archive's binaries in Debian bookworm's minbase root filesystem: no -dev package,
    no Poco, yaml-cpp or simdjson; ca-certificates for the trust store."""

    @classmethod
    def setUpClass(cls):
        if os.geteuid() != 0:
            harness.prerequisite("the minimal root filesystem needs root (debootstrap, chroot)")
        code, out, err = package("rootfs", "bookworm")
        if code != 0:
            harness.prerequisite(f"no minimal root filesystem: {err}")
        cls.rootfs = last_line(out)
        cls.test_ca = os.path.join(os.path.dirname(cls.rootfs), "ca")

    def setUp(self):
        super().setUp()
        self.create_claim("data-a", "50Gi")
        self.create_claim("data-b", "100Gi")
        name = "pvcwatch-" + uuid.uuid4().hex[:8]
        self.inside = "/tmp/" + name  # the same directory, seen from the chroot
        self.outside = os.path.join(self.rootfs, "tmp", name)
        os.makedirs(self.outside)
        self.addCleanup(shutil.rmtree, self.outside, True)
        for file in ARCHIVE_FILES:
            shutil.copy2(os.path.join(extracted, file), self.outside)
        shutil.copy(self.cluster_file("admin.kubeconfig"), self.outside)

    def chroot(self, *argv):
        return self.run_cmd(["chroot", self.rootfs, *argv],
                            env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "HOME": "/root"})

    def test_the_root_filesystem_lacks_our_libraries(self):
        found = []
        for top in ("usr/lib", "usr/local/lib"):
            for _, _, files in os.walk(os.path.join(self.rootfs, top)):
                found += [f for f in files if re.match(r"lib(Poco|yaml-cpp|simdjson)", f)]
        self.assertEqual(found, [])
        self.assertFalse(os.path.exists(os.path.join(self.rootfs, "usr/include/Poco")))

    def test_version_and_help(self):
        plugin = f"{self.inside}/kubectl-pvcwatch"
        r = self.chroot(plugin, "--version")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.out, f"kubectl-pvcwatch {self.version()}\n")
        r = self.chroot(plugin, "--help")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.err, "")
        self.assertTrue(r.out.endswith("Usage:\n  kubectl pvcwatch [flags]\n"), r.out)
        r = self.chroot(f"{self.inside}/kubectl_complete-pvcwatch", "-o", "")
        formats = ["json", "yaml", "name", "jsonpath", "jsonpath-as-json", "jsonpath-file",
                   "custom-columns", "custom-columns-file", "wide"]
        self.assertEqual((r.code, r.out), (0, "\n".join(formats) + "\n:4\n"), r)

    def test_once_against_the_control_plane(self):
        r = self.chroot(f"{self.inside}/kubectl-pvcwatch", "--once", "-n", self.ns,
                        "--kubeconfig", f"{self.inside}/admin.kubeconfig")
        self.assertEqual(r.code, 0, r)
        self.assertIn("data-a", r.out)
        self.assertIn("data-b", r.out)
        self.assertIn("150Gi", r.out)
        self.assertEqual(r.err, "")

    def test_the_system_trust_store_is_used(self):
        # An HTTPS server whose certificate comes from the test CA that only the root
        # filesystem's trust store holds, and a kubeconfig that names no CA: the request
        # gets through (the server answers with a Status) only if OpenSSL trusts the store.
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), ForbiddenHandler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*self.server_certificate())
        server.socket = context.wrap_socket(server.socket, server_side=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.addCleanup(server.server_close)
        self.addCleanup(server.shutdown)
        with open(os.path.join(self.outside, "probe.kubeconfig"), "w") as f:
            f.write(PROBE_KUBECONFIG.format(port=server.server_address[1]))

        r = self.chroot(f"{self.inside}/kubectl-pvcwatch", "--once",
                        "--kubeconfig", f"{self.inside}/probe.kubeconfig")
        self.assertEqual((r.code, r.out), (1, ""), r)
        self.assertEqual(r.err, "Error from server (Forbidden): trust store probe\n")
        # The same binary and kubeconfig outside, where the store lacks the test CA.
        r = self.run_cmd([os.path.join(self.outside, "kubectl-pvcwatch"), "--once",
                          "--kubeconfig", os.path.join(self.outside, "probe.kubeconfig")])
        self.assertEqual(r.code, 1, r)
        self.assertEqual(r.err, "Unable to connect to the server: tls: failed to verify "
                                "certificate: x509: certificate signed by unknown authority\n")

    def server_certificate(self):
        """A certificate for 127.0.0.1 from the root filesystem's test CA: (cert, key)."""
        key, csr, cert, ext = (os.path.join(self.outside, f"probe.{n}")
                               for n in ("key", "csr", "crt", "ext"))
        with open(ext, "w") as f:
            f.write("subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n")
        for argv in (["openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=probe",
                      "-keyout", key, "-out", csr],
                     ["openssl", "x509", "-req", "-in", csr, "-days", "1",
                      "-CA", os.path.join(self.test_ca, "ca.crt"),
                      "-CAkey", os.path.join(self.test_ca, "ca.key"),
                      "-set_serial", "0x" + secrets.token_hex(8), "-extfile", ext, "-out", cert]):
            r = self.run_cmd(argv)
            self.assertEqual(r.code, 0, r)
        return cert, key


PROBE_KUBECONFIG = """apiVersion: v1
kind: Config
clusters:
- name: probe
  cluster: {{server: "https://127.0.0.1:{port}"}}
users:
- name: probe
  user: {{token: "probe"}}
contexts:
- name: probe
  context: {{cluster: probe, user: probe, namespace: default}}
current-context: probe
"""


class ForbiddenHandler(http.server.BaseHTTPRequestHandler):
    """Answers every request as kube-apiserver answers a forbidden one."""

    def do_GET(self):
        body = json.dumps({"kind": "Status", "apiVersion": "v1", "metadata": {},
                           "status": "Failure", "message": "trust store probe",
                           "reason": "Forbidden", "code": 403}).encode()
        self.send_response(403)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class KrewTest(PackageTest):
    """krew v0.4.3, built from the Go module proxy, validates the manifest and installs the
    archive into a temporary KREW_ROOT."""

    @classmethod
    def setUpClass(cls):
        code, out, err = package("krew")
        if code != 0:
            harness.prerequisite(f"no krew: {err}")
        cls.krew_bin = last_line(out)

    def setUp(self):
        super().setUp()
        self.krew_root = tempfile.mkdtemp(prefix="krew-root.", dir=PACKAGE_DIR)
        self.addCleanup(shutil.rmtree, self.krew_root, True)
        kubectl_dir = os.path.dirname(shutil.which("kubectl", path=self.env["PATH"]))
        # Only krew's plugins and the harness's kubectl: not the plugin of the build tree.
        self.krew_env = dict(self.env, KREW_ROOT=self.krew_root, KREW_NO_UPGRADE_CHECK="1",
                             PATH=os.pathsep.join([os.path.join(self.krew_root, "bin"),
                                                   self.krew_bin, kubectl_dir, "/usr/bin",
                                                   "/bin"]))

    def validate(self, manifest, *flags):
        return self.run_cmd([os.path.join(self.krew_bin, "validate-krew-manifest"),
                             "-manifest", manifest, *flags], env=self.krew_env, timeout=120)

    def test_validate_rendered_manifest(self):
        r = self.validate(os.path.join(DIST, "pvcwatch.yaml"), "-skip-install")
        self.assertEqual(r.code, 0, r)
        self.assertIn("structural validation OK", r.err)

    def test_validate_source_manifest(self):
        # validate-krew-manifest wants the file named after the plugin.
        path = os.path.join(self.krew_root, "pvcwatch.yaml")
        shutil.copy(os.path.join(harness.SOURCE_DIR, "krew-manifest.yaml"), path)
        r = self.validate(path, "-skip-install")
        self.assertEqual(r.code, 0, r)

    def test_validate_with_install_from_a_loopback_server(self):
        # The full validation downloads uri and checks that a LICENSE is installed.
        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), lambda *a: QuietHandler(*a, directory=DIST))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.addCleanup(server.server_close)
        self.addCleanup(server.shutdown)
        base = f"http://127.0.0.1:{server.server_address[1]}"
        path = os.path.join(self.krew_root, "pvcwatch.yaml")
        with open(os.path.join(DIST, "pvcwatch.yaml")) as f:
            manifest = re.sub(r"(?m)^    uri: file://.*/", f"    uri: {base}/", f.read())
        with open(path, "w") as f:
            f.write(manifest)
        r = self.validate(path)
        self.assertEqual(r.code, 0, r)
        self.assertIn(f"all {len(PLATFORMS)} spec.platforms installed fine", r.err)

    def test_install_from_the_archive_then_run(self):
        self.create_claim("data-a", "50Gi")
        self.create_claim("data-b", "100Gi")
        r = self.run_cmd(["kubectl", "krew", "install", f"--manifest={DIST}/pvcwatch.yaml",
                          f"--archive={archive}"], env=self.krew_env, timeout=120)
        self.assertEqual(r.code, 0, r)
        self.assertIn("Installed plugin: pvcwatch", r.err)
        self.assertIn("get, list and watch on persistentvolumeclaims", r.err)  # the caveats

        r = self.run_cmd(["kubectl", "plugin", "list", "--name-only"], env=self.krew_env)
        self.assertIn("kubectl-pvcwatch", r.out.split())
        r = self.run_cmd(["kubectl", "pvcwatch", "--version"], env=self.krew_env)
        self.assertEqual(r.out, f"kubectl-pvcwatch {self.version()}\n")
        r = self.run_cmd(["kubectl", "pvcwatch", "--once", "-n", self.ns], env=self.krew_env)
        self.assertEqual(r.code, 0, r)
        self.assertIn("data-a", r.out)
        self.assertIn("150Gi", r.out)

        # Completion, once the helper is linked as the caveats say.
        with open(os.path.join(DIST, "pvcwatch.yaml")) as f:
            link = next(line.strip() for line in f if line.strip().startswith("ln -sf "))
        r = self.run_cmd(["bash", "-c", link], env=self.krew_env)
        self.assertEqual(r.code, 0, r)
        r = self.run_cmd(["kubectl", "__complete", "pvcwatch", "-n", self.ns],
                         env=self.krew_env)
        self.assertEqual(r.out, f"{self.ns}\n:4\n")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


if __name__ == "__main__":
    harness.main()
