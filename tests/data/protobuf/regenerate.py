#!/usr/bin/env python3
"""Writes claims.pb and claims.json: one list of claims in every state kubectl's printer and
the ledger distinguish, as a real kube-apiserver sends it as Kubernetes protobuf and as
JSON, at the same resourceVersion. tests/unit/pvc/claim_protobuf_test.cc decodes both and
requires the same cells, claims and pages. Needs a running scripts/cluster:

    PVCWATCH_CLUSTER_DIR=... tests/data/protobuf/regenerate.py
"""
import http.client
import json
import os
import ssl
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
state = os.environ.get("PVCWATCH_CLUSTER_DIR") or sys.exit("regenerate: set PVCWATCH_CLUSTER_DIR")
port = int(open(f"{state}/apiserver.port").read())
tls = ssl.create_default_context(cafile=f"{state}/pki/ca.crt")
tls.load_cert_chain(f"{state}/pki/admin.crt", f"{state}/pki/admin.key")
conn = http.client.HTTPSConnection("127.0.0.1", port, context=tls)
NS = "pvcwatch-protobuf-data"


def call(method, path, body=None, ctype="application/json", accept="application/json"):
    conn.request(method, path, body=None if body is None else json.dumps(body),
                 headers={"Content-Type": ctype, "Accept": accept})
    r = conn.getresponse()
    data = r.read()
    if r.status >= 300 and not (method == "DELETE" and r.status == 404):
        sys.exit(f"regenerate: {method} {path}: {r.status} {data[:300]!r}")
    return data


def claim(name, size, spec=None, metadata=None):
    meta = {"name": name, "labels": {"set": "protobuf"}}
    meta.update(metadata or {})
    body = {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": size}}}
    body.update(spec or {})
    return {"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": meta, "spec": body}


claims = f"/api/v1/namespaces/{NS}/persistentvolumeclaims"
call("DELETE", f"/api/v1/namespaces/{NS}")
while True:  # a namespace from an earlier run must be gone first
    conn.request("GET", f"/api/v1/namespaces/{NS}")
    r = conn.getresponse()
    r.read()
    if r.status == 404:
        break
    for name in ("terminating",):
        conn.request("PATCH", f"{claims}/{name}", body='{"metadata":{"finalizers":null}}',
                     headers={"Content-Type": "application/merge-patch+json"})
        conn.getresponse().read()
    time.sleep(0.5)
call("POST", "/api/v1/namespaces", {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": NS}})
for c in [
    claim("pending", "1Gi"),
    claim("bound", "10Gi", {"volumeName": "pv-bound", "storageClassName": "fast", "volumeMode": "Block"}),
    claim("lost", "2Gi", {"volumeName": "pv-lost", "volumeMode": "Filesystem"}),
    claim("annotated", "3Gi", {"storageClassName": "ignored"},
          {"annotations": {"volume.beta.kubernetes.io/storage-class": "legacy", "other": "x" * 300},
           "labels": {"tier": "db", "app": "shop", "set": "protobuf"}}),
    claim("terminating", "4Gi", None, {"finalizers": ["example.com/hold"]}),
    claim("resizing", "1536Mi", {"volumeName": "pv-resizing", "storageClassName": "",
                                 "volumeAttributesClassName": "gold"}),
    claim("no-class-name", "5G", {"volumeAttributesClassName": ""}),
]:
    call("POST", claims, c)
call("PATCH", f"{claims}/bound/status", {"status": {
    "phase": "Bound", "capacity": {"storage": "12Gi"},
    "accessModes": ["ReadWriteMany", "ReadWriteOnce", "ReadOnlyMany", "ReadWriteOncePod"]}},
    "application/merge-patch+json")
call("PATCH", f"{claims}/lost/status", {"status": {"phase": "Lost"}}, "application/merge-patch+json")
call("PATCH", f"{claims}/resizing/status", {"status": {
    "phase": "Bound", "capacity": {"storage": "1Gi"}, "allocatedResources": {"storage": "1536Mi"},
    "accessModes": ["ReadWriteOnce"], "currentVolumeAttributesClassName": "silver",
    "modifyVolumeStatus": {"targetVolumeAttributesClassName": "gold", "status": "InProgress"}}},
    "application/merge-patch+json")
call("DELETE", f"{claims}/terminating")

listed = json.loads(call("GET", claims))
rv = listed["metadata"]["resourceVersion"]
at = f"{claims}?resourceVersion={rv}&resourceVersionMatch=Exact"
pb = call("GET", at, accept="application/vnd.kubernetes.protobuf")
js = call("GET", at)
assert pb.startswith(b"k8s\0"), pb[:20]
open(os.path.join(here, "claims.pb"), "wb").write(pb)
open(os.path.join(here, "claims.json"), "wb").write(js)
call("PATCH", f"{claims}/terminating", {"metadata": {"finalizers": None}}, "application/merge-patch+json")
call("DELETE", f"/api/v1/namespaces/{NS}")
print(f"regenerate: {len(listed['items'])} claims at resourceVersion {rv}: "
      f"claims.pb {len(pb)} bytes, claims.json {len(js)} bytes")
