// The build failed with a message naming the problem, and nothing was written: the earlier render is untouched.
def log = new File(basedir, 'build.log').getText('UTF-8')
['-Dglci.publishingActions=manifests,publish_everything: \'publish_everything\' is not a valid PublishingAction; allowed: manifests, images, release, build_only'].each { assert log.contains(it) : "build.log lacks: ${it}" }
assert !log.contains("setting 'publishingActions'") : 'the libraries\' wording reached Maven\'s log'
def out = new File(basedir, 'target/glci')
assert out.list().sort() == ['10-task-earlier.yaml']
return true
