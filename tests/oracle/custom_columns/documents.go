package main

// documents are the objects the vectors print, as JSON text (the C++ side parses the same
// text). Every top-level document has a kind, as UnstructuredJSONScheme requires; items of
// a list may lack one. Map keys are unique: a Go map keeps the last of duplicates.
var documents = map[string]string{
	"bound": `{"apiVersion":"v1","kind":"PersistentVolumeClaim",
 "metadata":{"name":"data-0","namespace":"default","uid":"0b5e7c1a-1111-4d2e-9f00-0123456789ab",
  "resourceVersion":"1234","creationTimestamp":"2026-01-02T03:04:05Z",
  "labels":{"app":"db","tier":"gold"},
  "annotations":{"pv.kubernetes.io/bind-completed":"yes","volume.kubernetes.io/storage-provisioner":"rancher.io/local-path"}},
 "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"10Gi"}},
  "storageClassName":"standard","volumeMode":"Filesystem","volumeName":"pvc-0b5e7c1a"},
 "status":{"phase":"Bound","accessModes":["ReadWriteOnce"],"capacity":{"storage":"10Gi"}}}`,

	"pending": `{"apiVersion":"v1","kind":"PersistentVolumeClaim",
 "metadata":{"name":"logs","namespace":"team-a","labels":{"app":"web"}},
 "spec":{"accessModes":["ReadWriteMany","ReadOnlyMany"],"resources":{"requests":{"storage":"500Mi"}},
  "storageClassName":"nfs"},
 "status":{"phase":"Pending"}}`,

	"resizing": `{"apiVersion":"v1","kind":"PersistentVolumeClaim",
 "metadata":{"name":"grow","namespace":"default","finalizers":["kubernetes.io/pvc-protection"]},
 "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"20Gi"},"limits":{"storage":"30Gi"}}},
 "status":{"phase":"Bound","capacity":{"storage":"10Gi"},
  "allocatedResources":{"storage":"20Gi"},
  "conditions":[{"type":"Resizing","status":"True","lastTransitionTime":"2026-01-02T03:04:05Z"},
   {"type":"FileSystemResizePending","status":"False","message":"waiting, for node"}]}}`,

	"odd": `{"apiVersion":"v1","kind":"PersistentVolumeClaim",
 "metadata":{"name":"odd\u001b[31mred\u001b[0m","namespace":"ns\rcr",
  "labels":{"a":"x,y","b":"<none>"},
  "annotations":{"note":"line one\nline two","tab":"left\tright","esc":"\u001b]0;title\u0007",
   "quote":"say \"hi\" 'there'","colon":"a:b:c","brace":"{.metadata.name}","empty":"",
   "space":"  padded  ","ff":"form\ffeed","vt":"vertical\u000btab","nul":"nul\u0000byte",
   "c1":"csi\u009b31m","del":"del\u007f","bell":"\u0007"}},
 "spec":{"accessModes":["ReadWriteOnce"],"storageClassName":"a b"}}`,

	"unicode": `{"apiVersion":"v1","kind":"PersistentVolumeClaim",
 "metadata":{"name":"日本語-データ","namespace":"café",
  "labels":{"emoji":"🚀","combining":"e\u0301"},
  "annotations":{"nbsp":"a\u00a0b","zwsp":"a\u200bb","rtl":"\u202eabc","wide":"ＡＢＣ","bom":"\ufeffbom"}},
 "spec":{"storageClassName":"ストレージ","resources":{"requests":{"storage":"1Ki"}}}}`,

	"wide": `{"apiVersion":"v1","kind":"PersistentVolumeClaim",
 "metadata":{"name":"a-very-long-claim-name-that-goes-on-and-on-and-on-well-past-sixty-three-characters-wide","namespace":"n"},
 "spec":{"storageClassName":"x","resources":{"requests":{"storage":"1000000000000000000000"}}},
 "status":{"phase":"Lost"}}`,

	"numbers": `{"apiVersion":"v1","kind":"PersistentVolumeClaim",
 "metadata":{"name":"nums","generation":7},
 "spec":{"int":42,"neg":-17,"zero":0,"big":9223372036854775807,"huge":9223372036854775808,
  "float":1.5,"exp":1e21,"small":1e-7,"floatint":100000000.0,"million":1000000.0,"negzero":-0.0,
  "pi":3.141592653589793,"t":true,"f":false,"n":null,
  "mixed":[1,2.5,"three",true,null,{"k":1},[1,2]],
  "nested":{"z":1.0,"a":[1e6,2],"m":{"x":null}}}}`,

	"missing": `{"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"bare"}}`,

	"nulls": `{"apiVersion":"v1","kind":"PersistentVolumeClaim",
 "metadata":{"name":"nulls","labels":null,"annotations":{}},
 "spec":null,
 "status":{"phase":null,"conditions":[null,{"type":"Ready","status":"True"}],"accessModes":[]}}`,

	"arrays": `{"apiVersion":"v1","kind":"PersistentVolumeClaim",
 "metadata":{"name":"arrays","ownerReferences":[{"kind":"StatefulSet","name":"db"},{"kind":"Pod","name":"db-0"}]},
 "spec":{"accessModes":["ReadWriteOnce","ReadOnlyMany","ReadWriteMany"],
  "matrix":[[1,2],[3],[]],"empty":[],"emptyMap":{},"strings":["a,b","","c d"]},
 "status":{"conditions":[{"type":"A","status":"True"},{"type":"B","status":"False"},{"type":"C"}]}}`,

	"pv": `{"apiVersion":"v1","kind":"PersistentVolume",
 "metadata":{"name":"pvc-0b5e7c1a","labels":{"type":"local"}},
 "spec":{"capacity":{"storage":"10Gi"},"accessModes":["ReadWriteOnce"],"persistentVolumeReclaimPolicy":"Delete",
  "claimRef":{"name":"data-0","namespace":"default"},"storageClassName":"standard"},
 "status":{"phase":"Bound"}}`,

	"list": `{"apiVersion":"v1","kind":"PersistentVolumeClaimList",
 "metadata":{"resourceVersion":"999"},
 "items":[
  {"metadata":{"name":"item-a","namespace":"default","labels":{"app":"db","tier":"gold"}},
   "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}},"storageClassName":"standard"},
   "status":{"phase":"Bound","capacity":{"storage":"1Gi"}}},
  {"metadata":{"name":"item-b-with-a-longer-name","namespace":"kube-system"},
   "spec":{"accessModes":["ReadWriteMany"],"resources":{"requests":{"storage":"100Gi"}}},
   "status":{"phase":"Pending"}},
  {"kind":"PersistentVolumeClaim","apiVersion":"v1","metadata":{"name":"item-c"},"spec":{},"status":{"phase":"Lost"}}]}`,

	"mixed_list": `{"apiVersion":"v1","kind":"List","metadata":{},
 "items":[
  {"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"pv-1"},"spec":{"capacity":{"storage":"5Gi"}}},
  {"kind":"PersistentVolumeClaim","metadata":{"name":"kind-only"}},
  {"apiVersion":"v2","metadata":{"name":"version-only"}},
  {"kind":5,"metadata":{"name":"kind-not-a-string"}},
  {"kind":"","apiVersion":"","metadata":{"name":"empty-kind"}},
  {"metadata":{"name":"no-kind"}}]}`,

	"odd_list": `{"apiVersion":"storage/v9","kind":"Things","items":[{"metadata":{"name":"thing"}},null,{}]}`,

	"nokind_list": `{"apiVersion":7,"items":[{"metadata":{"name":"x"}}],"kind":"WidgetList"}`,

	"empty_list": `{"apiVersion":"v1","kind":"PersistentVolumeClaimList","metadata":{"resourceVersion":"5"},"items":[]}`,

	"null_items": `{"apiVersion":"v1","kind":"List","items":null}`,

	"list_like_object": `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm"},"items":[{"metadata":{"name":"inner"}}]}`,

	"bad_items_string": `{"apiVersion":"v1","kind":"List","items":"nope"}`,

	"bad_items_object": `{"apiVersion":"v1","kind":"List","items":{"a":1}}`,

	"bad_item_number": `{"apiVersion":"v1","kind":"List","items":[{"metadata":{"name":"ok"}},1]}`,

	"bad_item_array": `{"apiVersion":"v1","kind":"List","items":[[]]}`,

	"bad_item_string": `{"apiVersion":"v1","kind":"List","items":["s"]}`,

	"bad_item_bool": `{"apiVersion":"v1","kind":"List","items":[true]}`,
}
