// The build failed with a message naming the problem, and nothing was written: the earlier render is untouched.
def log = new File(basedir, 'build.log').getText('UTF-8')
['Pipeline \'gl-packages-build\'', 'build-package-a-package-whose-name-is-far-too-long-for-a-kubernetes-label', 'length must be no more than 63 characters'].each { assert log.contains(it) : "build.log lacks: ${it}" }
def out = new File(basedir, 'target/glci')
assert out.list().sort() == ['10-task-earlier.yaml']
return true
