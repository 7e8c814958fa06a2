// Pushes <registry>/glci-it/base-<unique>/gardenlinux-build:<label> (a config-only image) to the test registry and
// hands the path and label to the invoked builds through .mvn/maven.config.
import java.security.MessageDigest

def registry = System.getenv('IT_OCI_REGISTRY')
if (!registry) {
    throw new IllegalStateException('IT_OCI_REGISTRY is not set: run with bin/with-test-services or source the services env')
}
def unique = Long.toString(System.currentTimeMillis(), 36)
def ociPath = "${registry}/glci-it/base-${unique}"
def label = "318.9-c03ea4d3${unique}"
def repository = "glci-it/base-${unique}/gardenlinux-build"

def sha256 = { byte[] b -> 'sha256:' + MessageDigest.getInstance('SHA-256').digest(b).encodeHex().toString() }
def request = { String method, String url, byte[] body, String contentType ->
    def c = (HttpURLConnection) new URL(url).openConnection()
    c.requestMethod = method
    c.connectTimeout = 10000
    c.readTimeout = 30000
    if (body != null) {
        c.doOutput = true
        c.setRequestProperty('Content-Type', contentType)
        c.outputStream.withStream { it.write(body) }
    }
    int status = c.responseCode
    if (status >= 300) {
        throw new IllegalStateException("${method} ${url}: HTTP ${status}")
    }
    return c
}

byte[] config = '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}'.getBytes('UTF-8')
def upload = request('POST', "http://${registry}/v2/${repository}/blobs/uploads/", null, null)
def location = upload.getHeaderField('Location')
if (!location.startsWith('http')) {
    location = "http://${registry}${location}"
}
request('PUT', location + (location.contains('?') ? '&' : '?') + 'digest=' + sha256(config), config,
        'application/octet-stream')
byte[] manifest = ('{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{'
        + '"mediaType":"application/vnd.oci.image.config.v1+json","digest":"' + sha256(config) + '","size":'
        + config.length + '},"layers":[]}').getBytes('UTF-8')
request('PUT', "http://${registry}/v2/${repository}/manifests/${label}", manifest,
        'application/vnd.oci.image.manifest.v1+json')

def mvn = new File(basedir, '.mvn')
mvn.mkdirs()
new File(mvn, 'maven.config').text = "-Dglci.ociPath=${ociPath}\n-Dglci.versionLabel=${label}\n"
return true
