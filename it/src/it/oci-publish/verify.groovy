import groovy.json.JsonSlurper

def prefix = new File(basedir, 'image-prefix.txt').text.trim()
def tag = '318.9-oci-base-318.9-c03ea4'

def published = new File(basedir, 'target/published.yaml').text
assert published.contains("image_reference: ${prefix}:${tag}")
assert published.contains('s3_key: objects/5b8e2a3ce7bd26b9bcbf3b4ecc8f5e94b7d3e9f1')

def log = new File(basedir, 'build.log').text
assert log.contains("pushed ${prefix}:${tag}-amd64@sha256:") && log.contains('(2 blobs uploaded)')
assert log.contains("${prefix}:${tag}-amd64 already holds rootfs sha256:") && log.contains('nothing to upload')

def registry = prefix.substring(0, prefix.indexOf('/'))
def repository = prefix.substring(prefix.indexOf('/') + 1)
def connection = new URL("http://${registry}/v2/${repository}/manifests/${tag}").openConnection()
connection.setRequestProperty('Accept', 'application/vnd.oci.image.index.v1+json')
def index = new JsonSlurper().parse(connection.inputStream)
assert index.manifests.size() == 1
assert index.manifests[0].platform.architecture == 'amd64'
assert new File(basedir, 'target/work').list().length == 0 : 'temporary layer files are left'
return true
