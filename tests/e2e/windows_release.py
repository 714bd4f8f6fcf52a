"""The windows_amd64 release archive of scripts/package, run under wine (Debian's wine64)
against the control plane: what a Windows user of kubectl meets.

Not a ctest suite: CI builds only the Linux archives (the cold time budget has no room for
another platform's libraries), so `scripts/test-windows` runs this module after building
the Windows archive. A missing prerequisite (wine64, the archive) fails here, never skips:
whoever runs it asked for these checks.

Paths given to the binary are Windows paths (Z: is wine's view of the root directory).
Go Windows binaries do not start under this wine (reference/platforms.md §6.1), so the
exec credential plugin is a .cmd script, run through cmd.exe as Windows runs one."""

import getpass
import os
import shutil
import subprocess
import tempfile
import time
import zipfile

import harness
from release import PACKAGE_DIR, package

WINE = "/usr/lib/wine/wine64"
archive = None
extracted = None
wine_prefix = None
# The Linux build's own binary, whose output the Windows one must equal.
linux_plugin = os.path.join(harness.BIN_DIR or "", "kubectl-pvcwatch")


def setUpModule():
    global archive, extracted, wine_prefix
    if not os.access(WINE, os.X_OK):
        raise RuntimeError(f"no {WINE} (apt-get install wine64; scripts/setup does)")
    code, out, err = package("--platforms", "windows_amd64")
    if code != 0:
        raise RuntimeError(f"scripts/package failed: {err}")
    archive = out[0]
    extracted = tempfile.mkdtemp(prefix="extracted-windows.", dir=PACKAGE_DIR)
    with zipfile.ZipFile(archive) as z:
        z.extractall(extracted)
    # A prefix of this run's own: the root certificate added below must not outlive it.
    wine_prefix = tempfile.mkdtemp(prefix="wineprefix.", dir=PACKAGE_DIR)
    subprocess.run([WINE, "wineboot", "--init"], env=wine_env({}), capture_output=True,
                   timeout=300, check=True)


def tearDownModule():
    subprocess.run(["/usr/lib/wine/wineserver64", "-k"], env=wine_env({}), capture_output=True)
    for path in (extracted, wine_prefix):
        if path:
            shutil.rmtree(path, ignore_errors=True)


def wine_env(base):
    env = dict(base, WINEPREFIX=wine_prefix, WINEDEBUG="-all", WINEDLLOVERRIDES="mscoree,mshtml=")
    env.pop("DISPLAY", None)
    return env


def windows_path(path):
    """`path` as the Windows program sees it: on wine's Z: drive, with backslashes."""
    return "Z:" + os.path.abspath(path).replace("/", "\\")


class WindowsTest(harness.ClusterTest):

    def setUp(self):
        super().setUp()
        self.dir = tempfile.mkdtemp(prefix="windows.", dir=PACKAGE_DIR)
        self.addCleanup(shutil.rmtree, self.dir, True)
        for name in ("pki/ca.crt", "pki/admin.crt", "pki/admin.key", "token"):
            shutil.copy(self.cluster_file(name), self.dir)
        self.server = self.kubectl("config", "view", "--kubeconfig",
                                   self.cluster_file("admin.kubeconfig"), "-o",
                                   "jsonpath={.clusters[0].cluster.server}").out
        self.exe = windows_path(os.path.join(extracted, "kubectl-pvcwatch.exe"))
        self.wenv = wine_env(self.env)
        for key in ("KUBECONFIG", "HOME"):
            self.wenv.pop(key, None)

    def kubeconfig(self, user, ca=True, name="config"):
        """A kubeconfig for the control plane in the test's directory; its Windows path."""
        cluster = f"server: \"{self.server}\""
        if ca:
            cluster += f", certificate-authority: {windows_path(self.dir)}\\ca.crt"
        lines = ["apiVersion: v1", "kind: Config", "clusters:", "- name: c",
                 f"  cluster: {{{cluster}}}", "users:", "- name: u", "  user:",
                 *["    " + line for line in user], "contexts:", "- name: x",
                 f"  context: {{cluster: c, user: u, namespace: {self.ns}}}",
                 "current-context: x"]
        with open(os.path.join(self.dir, name), "w") as f:
            f.write("\n".join(lines) + "\n")
        return windows_path(os.path.join(self.dir, name))

    def token_user(self):
        with open(self.cluster_file("token")) as f:
            return [f"token: {f.read().strip()}"]

    def certificate_user(self):
        # Relative to the kubeconfig's directory, as client-go resolves them.
        return ["client-certificate: admin.crt", "client-key: admin.key"]

    def wine(self, *args, env=None, timeout=120):
        return self.run_cmd([WINE, self.exe, *args], env=env or self.wenv, timeout=timeout)

    def linux(self, *args, kubeconfig):
        """The Linux build with the same kubeconfig (its Windows paths made Unix ones)."""
        with open(kubeconfig[2:].replace("\\", "/")) as f:
            text = f.read().replace("Z:", "").replace("\\", "/")
        path = os.path.join(self.dir, "linux-config")
        with open(path, "w") as f:
            f.write(text)
        return self.run_cmd([linux_plugin, *args, "--kubeconfig", path])

    def test_the_archive_holds_windows_console_programs(self):
        with zipfile.ZipFile(archive) as z:
            self.assertEqual(sorted(z.namelist()), ["LICENSE", "README.md",
                                                    "kubectl-pvcwatch.exe",
                                                    "kubectl_complete-pvcwatch.exe"])
        with open(os.path.join(extracted, "kubectl-pvcwatch.exe"), "rb") as f:
            data = f.read(4096)
        pe = int.from_bytes(data[0x3C:0x40], "little")
        self.assertEqual(data[pe:pe + 4], b"PE\0\0")
        self.assertEqual(int.from_bytes(data[pe + 4:pe + 6], "little"), 0x8664)  # AMD64
        optional = pe + 24
        self.assertEqual(int.from_bytes(data[optional:optional + 2], "little"), 0x20B)  # PE32+
        self.assertEqual(int.from_bytes(data[optional + 68:optional + 70], "little"), 3)  # console

    def test_version_and_help(self):
        r = self.wine("--version")
        version = os.path.basename(archive).split("_")[1]
        self.assertEqual((r.code, r.out, r.err), (0, f"kubectl-pvcwatch {version}\n", ""), r)
        r = self.wine("--help")
        self.assertEqual(r.code, 0, r)
        native = self.run_cmd([linux_plugin, "--help"])
        # The one line that differs: --exec runs its command with cmd /c there.
        self.assertIn("Command run by cmd /c on each crossing", r.out)
        self.assertEqual(r.out.replace("cmd /c", "/bin/sh -c"), native.out)
        self.assertNotIn("\r", r.out)

    def test_once_with_a_token_equals_the_linux_build(self):
        self.create_claim("data-a", "50Gi")
        self.create_claim("data-b", "100Gi")
        kubeconfig = self.kubeconfig(self.token_user())
        r = self.wine("--once", "--max-claims", "200Gi", "--kubeconfig", kubeconfig)
        self.assertEqual((r.code, r.err), (0, ""), r)
        self.assertIn("data-b", r.out)
        native = self.linux("--once", "--max-claims", "200Gi", kubeconfig=kubeconfig)
        self.assertEqual(without_age(r.out), without_age(native.out))

    def test_once_all_namespaces_with_a_client_certificate(self):
        self.create_claim("data-a", "50Gi")
        kubeconfig = self.kubeconfig(self.certificate_user())
        r = self.wine("--once", "-A", "-o", "json", "--max-claims", "1000Ei",
                      "--kubeconfig", kubeconfig)
        self.assertEqual((r.code, r.err), (0, ""), r)
        native = self.linux("--once", "-A", "-o", "json", "--max-claims", "1000Ei",
                            kubeconfig=kubeconfig)
        self.assertEqual(r.out, native.out)
        self.assertIn(f'"namespace": "{self.ns}"', r.out)

    def test_exec_credential_plugin_found_through_pathext(self):
        self.create_claim("data-a", "50Gi")
        bin_dir = os.path.join(self.dir, "bin")
        os.makedirs(bin_dir)
        with open(self.cluster_file("token")) as f:
            token = f.read().strip()
        # `command: pvcwatch-credential` names no extension: LookPath finds the .cmd
        # through PATHEXT on PATH (wine's PATH takes WINEPATH's entries first).
        with open(os.path.join(bin_dir, "pvcwatch-credential.cmd"), "w", newline="\r\n") as f:
            f.write("@echo off\n"
                    f"echo %KUBERNETES_EXEC_INFO% > {windows_path(self.dir)}\\plugin-ran\n"
                    'echo {"apiVersion":"client.authentication.k8s.io/v1",'
                    f'"kind":"ExecCredential","status":{{"token":"{token}"}}}}\n')
        kubeconfig = self.kubeconfig(["exec:", "  apiVersion: client.authentication.k8s.io/v1",
                                      "  command: pvcwatch-credential",
                                      "  interactiveMode: Never"])
        env = dict(self.wenv, WINEPATH=windows_path(bin_dir))
        r = self.wine("--once", "--kubeconfig", kubeconfig, env=env)
        self.assertEqual((r.code, r.err), (0, ""), r)
        self.assertIn("data-a", r.out)
        with open(os.path.join(self.dir, "plugin-ran")) as f:
            self.assertIn('"kind":"ExecCredential"', f.read().replace(" ", ""))

    def test_kubeconfig_from_the_profile_and_a_semicolon_separated_list(self):
        self.create_claim("data-a", "50Gi")
        # No KUBECONFIG: .kube\config in the profile directory (%USERPROFILE%, which wine
        # sets to its own C:\users\<user>; it passes no %HOME%), as client-go's homedir finds it.
        profile = os.path.join(wine_prefix, "drive_c", "users", getpass.getuser())
        os.makedirs(os.path.join(profile, ".kube"), exist_ok=True)
        self.kubeconfig(self.token_user(), name="profile-config")
        shutil.move(os.path.join(self.dir, "profile-config"), os.path.join(profile, ".kube", "config"))
        self.addCleanup(shutil.rmtree, os.path.join(profile, ".kube"), True)
        r = self.wine("--once")
        self.assertEqual((r.code, r.err), (0, ""), r)
        self.assertIn("data-a", r.out)
        # KUBECONFIG split on ';': the context in the first file, the user in the second.
        first = os.path.join(self.dir, "first")
        with open(first, "w") as f:
            f.write("apiVersion: v1\nkind: Config\ncurrent-context: x\ncontexts:\n- name: x\n"
                    f"  context: {{cluster: c, user: u, namespace: {self.ns}}}\n")
        second = self.kubeconfig(self.token_user(), name="second")
        env = dict(self.wenv, KUBECONFIG=f"{windows_path(first)};{second}")
        r = self.wine("--once", env=env)
        self.assertEqual((r.code, r.err), (0, ""), r)
        self.assertIn("data-a", r.out)

    def test_system_roots_are_the_windows_root_store(self):
        kubeconfig = self.kubeconfig(self.token_user(), ca=False)
        r = self.wine("--once", "--kubeconfig", kubeconfig)
        self.assertEqual((r.code, r.out), (1, ""), r)
        self.assertEqual(r.err, "Unable to connect to the server: tls: failed to verify "
                                "certificate: x509: certificate signed by unknown authority\n")
        add_root_certificate(self.dir, os.path.join(self.dir, "ca.crt"))
        r = self.wine("--once", "--kubeconfig", kubeconfig)
        self.assertEqual((r.code, r.err), (0, f"No resources found in {self.ns} namespace.\n"), r)

    def test_watch_runs_its_action_through_cmd_and_ends_on_ctrl_c(self):
        self.create_claim("data-a", "50Gi")
        log = os.path.join(self.dir, "actions.log")
        self.plugin = WINE
        watcher = harness.Watcher(self, [
            self.exe, "--kubeconfig", self.kubeconfig(self.token_user()), "--max-claims", "60Gi",
            "--exec", f"echo %PVCWATCH_EVENT% %PVCWATCH_TOTAL%>> {windows_path(log)}"],
            env=self.wenv)
        watcher.wait_for("--- PVC Watch", timeout=60)
        self.create_claim("data-b", "25Gi")
        watcher.wait_for("PVC data-b added, claim size 25Gi", timeout=60)
        watcher.wait_for("Claim overage reached", timeout=30)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not os.path.exists(log):
            time.sleep(0.2)
        time.sleep(1)
        with open(log) as f:
            self.assertEqual(f.read().split(), ["overage", "75Gi"])
        # SIGINT reaches a wine process as CTRL_C_EVENT: the watch ends cleanly.
        self.assertEqual(watcher.interrupt(timeout=30), 0, watcher.err_lines)
        self.assertEqual(watcher.err_lines, [])


def without_age(table):
    """A table's words without each row's last column, AGE (the two runs are seconds apart)."""
    return [line.split()[:-1] for line in table.splitlines()]


def add_root_certificate(work, ca_file):
    """Adds `ca_file` to the wine prefix's ROOT store with a small Windows program (zig
    builds it), as an administrator would with certutil."""
    code, out, err = package("zig")
    if code != 0:
        raise RuntimeError(f"no zig: {err}")
    source = os.path.join(work, "add_root.c")
    with open(source, "w") as f:
        f.write(ADD_ROOT)
    exe = os.path.join(work, "add_root.exe")
    subprocess.run([os.path.join(out[-1], "zig"), "cc", "-target", "x86_64-windows-gnu", "-O1",
                    source, "-lcrypt32", "-o", exe], check=True, capture_output=True)
    with open(ca_file) as f:
        pem = f.read()
    der_b64 = "".join(pem.split("-----")[2].split())
    r = subprocess.run([WINE, windows_path(exe), der_b64], env=wine_env(dict(os.environ)),
                       capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        raise RuntimeError(f"add_root.exe failed: {r.stdout}{r.stderr}")


ADD_ROOT = r"""
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
int main(int argc, char** argv) {
  BYTE der[8192];
  DWORD size = sizeof der;
  if (argc != 2 || !CryptStringToBinaryA(argv[1], 0, CRYPT_STRING_BASE64, der, &size, NULL, NULL))
    return 2;
  HCERTSTORE store = CertOpenSystemStoreW(0, L"ROOT");
  if (!store) return 3;
  if (!CertAddEncodedCertificateToStore(store, X509_ASN_ENCODING, der, size,
                                        CERT_STORE_ADD_REPLACE_EXISTING, NULL)) {
    printf("error %lu\n", GetLastError());
    return 4;
  }
  CertCloseStore(store, 0);
  return 0;
}
"""

if __name__ == "__main__":
    harness.main()
