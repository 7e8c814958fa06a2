// Starts the mock Tekton cluster (fabric8 mock API server on 127.0.0.1 + simulated Tekton) and writes ./kubeconfig.
// The cluster lives in this JVM until verify.groovy closes it; the invoked Maven build is a separate process.
import io.gardenlinux.glci.cluster.MockTektonCluster

def cluster = MockTektonCluster.start(basedir.toPath(), "v1")
System.getProperties().put("glci.it.trigger-image-build", cluster)
return true
