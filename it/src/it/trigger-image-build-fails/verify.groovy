def cluster = System.getProperties().remove("glci.it.trigger-image-build-fails")
try {
    def log = new File(basedir, "build.log").text
    assert log.contains("Task build-baseimage succeeded")
    assert log =~ /WARN.*Task kvm-amd64 failed.*: Failed: "step-build" exited with code 2/
    assert log.contains("[kvm-amd64/build] last 100 lines of the log (all logs with -Dglci.logs):")
    assert log.contains("[kvm-amd64/build] E: Unable to locate package linux-image-cloud-amd64")
    assert !log.contains("[kvm-amd64/prebuild]") : "logs of steps that did not fail are not shown"
    assert log =~ /ERROR.*PipelineRun gardenlinux-\S+ failed: Failed: Tasks Completed: 2 \(Failed: 1, Cancelled 0\), Skipped: 1; failed tasks: kvm-amd64: Failed: "step-build" exited with code 2/
    assert log.contains("BUILD FAILURE")
} finally {
    cluster?.close()
}
return true
