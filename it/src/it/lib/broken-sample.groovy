// Shared by the render-bad-* ITs (evaluated from their prebuild.groovy, with their basedir): copies the sample tree
// into the IT's folder to be broken there, and leaves an earlier render that the failed one must not touch.
// Returns the copied tree.
def sample = new File(basedir, '../../../../samples/gardenlinux').canonicalFile
def tree = new File(basedir, 'tree')
java.nio.file.Files.walk(sample.toPath()).each { source ->
    def target = tree.toPath().resolve(sample.toPath().relativize(source).toString())
    if (java.nio.file.Files.isDirectory(source)) {
        java.nio.file.Files.createDirectories(target)
    } else {
        java.nio.file.Files.copy(source, target)
    }
}
def out = new File(basedir, 'target/glci')
out.mkdirs()
new File(out, '10-task-earlier.yaml').text = 'kind: Task\n'
return tree
