// The rendered files equal expected/, with the last 4 digits of run names (the Unix time) and the plugin version
// in step scripts masked.
def normalise(String text) {
    text.replaceAll(/(?m)^(  name: (gardenlinux|gl-packages)-[a-z0-9-]+-)\d{4}$/, '$1NNNN')
        .replaceAll(/glci-maven-plugin:[^:\s]+:/, 'glci-maven-plugin:VERSION:')
}
def out = new File(basedir, 'target/glci')
def expected = new File(basedir, 'expected')
def got = out.listFiles().findAll { it.name.endsWith('.yaml') }*.name.sort()
def want = expected.listFiles()*.name.sort()
assert got == want
want.each { name ->
    def actual = normalise(new File(out, name).getText('UTF-8'))
    assert actual == new File(expected, name).getText('UTF-8') : "${name} differs from expected/${name}"
}
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("flavour set 'all': 6 flavours")
assert log.contains('10-task-build-baseimage.yaml')
return true
