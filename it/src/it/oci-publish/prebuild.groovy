// A repository of its own on the test registry for this run, handed to the builds through .mvn/maven.config.
def registry = System.getenv('IT_OCI_REGISTRY')
if (!registry) {
    throw new IllegalStateException('IT_OCI_REGISTRY is not set: run with bin/with-test-services or source the services env')
}
def prefix = "${registry}/glci-it/publish-${Long.toString(System.currentTimeMillis(), 36)}"
def mvn = new File(basedir, '.mvn')
mvn.mkdirs()
new File(mvn, 'maven.config').text = "-Dglci.imagePrefix=${prefix}\n"
new File(basedir, 'image-prefix.txt').text = prefix
return true
