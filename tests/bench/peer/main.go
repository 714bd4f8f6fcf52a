// pvcwatchpeer: the client-go program kubectl-pvcwatch is benchmarked against (scripts/bench).
// What the classic client-go tutorial's pvcwatch does, with client-go's typed clientset as it
// comes (protobuf): one unpaged list of claims, their total storage requests, then a watch
// from the list's resourceVersion with one line per event and a line on each crossing of
// --max-claims. A benchmark peer, not a test oracle.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"log"
	"os"

	v1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"
)

func main() {
	kubeconfig := flag.String("kubeconfig", "", "path to the kubeconfig (default: $KUBECONFIG, ~/.kube/config)")
	namespace := flag.String("n", "", "namespace (default: the context's)")
	all := flag.Bool("A", false, "all namespaces")
	once := flag.Bool("once", false, "list and print the total, then exit")
	maxFlag := flag.String("max-claims", "200Gi", "the claim budget")
	flag.Parse()
	maxClaims := resource.MustParse(*maxFlag)

	rules := clientcmd.NewDefaultClientConfigLoadingRules()
	rules.ExplicitPath = *kubeconfig
	loader := clientcmd.NewNonInteractiveDeferredLoadingClientConfig(rules, &clientcmd.ConfigOverrides{})
	config, err := loader.ClientConfig()
	if err != nil {
		log.Fatal(err)
	}
	ns, _, err := loader.Namespace()
	if err != nil {
		log.Fatal(err)
	}
	if *namespace != "" {
		ns = *namespace
	}
	if *all {
		ns = metav1.NamespaceAll
	}
	claims := kubernetes.NewForConfigOrDie(config).CoreV1().PersistentVolumeClaims(ns)

	list, err := claims.List(context.Background(), metav1.ListOptions{})
	if err != nil {
		log.Fatal(err)
	}
	out := bufio.NewWriter(os.Stdout)
	sizes := make(map[string]resource.Quantity, len(list.Items)) // by namespace/name
	total := resource.Quantity{Format: resource.BinarySI}
	fmt.Fprintf(out, "%-32s %-32s %-8s %s\n", "NAMESPACE", "NAME", "STATUS", "REQUEST")
	for i := range list.Items {
		pvc := &list.Items[i]
		size := pvc.Spec.Resources.Requests[v1.ResourceStorage]
		sizes[pvc.Namespace+"/"+pvc.Name] = size
		total.Add(size)
		fmt.Fprintf(out, "%-32s %-32s %-8s %s\n", pvc.Namespace, pvc.Name, pvc.Status.Phase, size.String())
	}
	fmt.Fprintf(out, "\nTotal claimed: %s of max %s (%d claims)\n", total.String(), maxClaims.String(), len(list.Items))
	out.Flush()
	events := log.New(os.Stdout, "", log.LstdFlags) // a line a write, as they come
	over := total.Cmp(maxClaims) > 0
	if over {
		events.Printf("Claim overage reached: max %s at %s", maxClaims.String(), total.String())
	}
	if *once {
		return
	}

	rv := list.ResourceVersion
	for { // the server ends a watch now and then: go on from the last event seen
		w, err := claims.Watch(context.Background(), metav1.ListOptions{ResourceVersion: rv})
		if err != nil {
			log.Fatal(err)
		}
		for event := range w.ResultChan() {
			if event.Type == watch.Error {
				log.Fatalf("watch: %v", event.Object)
			}
			pvc, ok := event.Object.(*v1.PersistentVolumeClaim)
			if !ok {
				continue
			}
			rv = pvc.ResourceVersion
			key := pvc.Namespace + "/" + pvc.Name
			size := pvc.Spec.Resources.Requests[v1.ResourceStorage]
			previous, known := sizes[key]
			switch event.Type {
			case watch.Added, watch.Modified:
				total.Sub(previous)
				total.Add(size)
				sizes[key] = size
				switch {
				case !known:
					events.Printf("PVC %s added, claim size %s (total %s)", key, size.String(), total.String())
				case previous.Cmp(size) != 0:
					events.Printf("PVC %s resized from %s to %s (total %s)", key, previous.String(), size.String(), total.String())
				default:
					events.Printf("PVC %s modified, claim size %s (total %s)", key, size.String(), total.String())
				}
			case watch.Deleted:
				total.Sub(previous)
				delete(sizes, key)
				events.Printf("PVC %s removed, size %s (total %s)", key, previous.String(), total.String())
			default:
				continue
			}
			if now := total.Cmp(maxClaims) > 0; now != over {
				over = now
				if over {
					events.Printf("Claim overage reached: max %s at %s", maxClaims.String(), total.String())
				} else {
					events.Printf("Claim usage normal: max %s at %s", maxClaims.String(), total.String())
				}
			}
		}
	}
}
