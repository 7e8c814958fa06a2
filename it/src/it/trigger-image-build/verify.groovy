def cluster = System.getProperties().remove("glci.it.trigger-image-build")
try {
    def log = new File(basedir, "build.log").text
    assert log.contains("Using cluster https://127.0.0.1:")
    assert log.contains("(context mock), namespace gardenlinux, Tekton tekton.dev/v1")
    assert log =~ /Secret secrets: created/
    assert log =~ /Pipeline gardenlinux-build: created/
    assert log =~ /Pruned 0 old PipelineRun\(s\), 0 kept \(-Dglci.keep=20\)/
    assert log =~ /Started PipelineRun gardenlinux-\S+ in namespace gardenlinux/
    assert log =~ /Dashboard: https:\/\/dashboard.example\/#\/namespaces\/gardenlinux\/pipelineruns\/gardenlinux-/
    assert log.contains("Task build-baseimage started")
    assert log.contains("Task kvm-amd64 succeeded")
    assert log =~ /PipelineRun gardenlinux-\S+ succeeded/
    assert log.contains("BUILD SUCCESS")

    assert cluster.names("Pipeline") == ["gardenlinux-build", "gl-packages-build"]
    assert cluster.names("Task").contains("build-gardenlinux-task")
    assert cluster.names("Secret") == ["secrets"]
    assert cluster.names("PipelineRun").size() == 1
    // no credential of the cfg templates in the log
    def secretValue = ~/(?m)^\s*(secret_access_key|password|access_key_secret):\s*(\S+)/
    new File(basedir, "../../../../cfg").listFiles().findAll { it.name.endsWith(".yaml") }.each { f ->
        (f.text =~ secretValue).each { m -> assert !log.contains(m[2]) : "credential of ${f.name} in the log" }
    }
} finally {
    cluster?.close()
}
return true
