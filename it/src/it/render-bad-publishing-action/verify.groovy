// The build failed with a message naming the problem, and nothing was written: the earlier render is untouched.
def log = new File(basedir, 'build.log').getText('UTF-8')
['-Dglci.publishingActions=manifests,publish_everything: \'publish_everything\' is not a valid PublishingAction; allowed: manifests, images, release, build_only'].each { assert log.contains(it) : "build.log lacks: ${it}" }
def failure = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert failure.count('is not a valid PublishingAction') == 1 : "said once, in Maven's words: ${failure}"
assert !failure.contains("setting 'publishingActions'") : "in Maven's words: ${failure}"
def out = new File(basedir, 'target/glci')
assert out.list().sort() == ['10-task-earlier.yaml']
return true
