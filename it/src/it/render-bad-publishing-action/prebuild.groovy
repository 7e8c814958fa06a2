// A copy of the sample tree to break, and an earlier render that must survive the failed one.
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
// the tree stays valid: the action is unknown
return true
