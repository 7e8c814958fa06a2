def toBuild = new File(basedir, 'target/base_images_to_build')
assert toBuild.isFile() : 'check-base-images wrote no target/base_images_to_build'
assert toBuild.text == 'build-deb\nbuild-image\n'

def log = new File(basedir, 'build.log').text
assert log.contains("skipping build of image, reference image_ref='") && log.contains("/gardenlinux-build:318.9-c03ea4d3")
assert log.contains('base images to build: [build-deb, build-image]')
assert log =~ /base images \S+\/gardenlinux-build-deb:318\.9-c03ea4d3\S*, \S+\/gardenlinux-build-image:\S+ do not exist/
assert log.contains('(nothing was tagged)')
assert !log.contains('tagged 127.0.0.1') && !log.contains(' as latest (')
return true
