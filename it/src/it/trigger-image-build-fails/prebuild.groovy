// The mock Tekton cluster of trigger-image-build, its runs failing in kvm-amd64's build step.
import io.gardenlinux.glci.cluster.MockTektonCluster

System.getProperties().put("glci.it.trigger-image-build-fails", MockTektonCluster.start(basedir.toPath(), "v1", true))
return true
