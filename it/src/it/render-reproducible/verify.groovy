// Same SOURCE_DATE_EPOCH, two processes: the same files with the same bytes; the run names carry that time.
def first = new File(basedir, 'target/first')
def second = new File(basedir, 'target/second')
def names = first.listFiles()*.name.sort()
assert names.size() > 10
assert second.listFiles()*.name.sort() == names
names.each { name ->
    assert new File(first, name).bytes == new File(second, name).bytes : "${name} differs between the two renders"
}
def run = new File(first, '30-pipelinerun-gardenlinux-build.yaml').getText('UTF-8')
assert run =~ /(?m)^  name: gardenlinux-[a-z0-9-]+-8400$/ : 'the run name ends with the last digits of SOURCE_DATE_EPOCH'
return true
