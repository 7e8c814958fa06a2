# Loads release manifests and manifest sets with PyYAML's safe loader, as the original CI and python-gardenlinux-lib
# do, and checks every field against the types of the original's dataclasses. Prints OK, or one line per problem.
import sys
import yaml

MANIFEST_STR = ("architecture", "build_committish", "build_timestamp", "platform", "version")
PATH_STR = ("name", "suffix", "s3_key", "s3_bucket_name")
IMAGE_STR = {
    "published_aws_images": ("ami_id", "aws_region_id", "image_name"),
    "published_alicloud_images": ("image_id", "region_id", "image_name"),
    "published_openstack_images": ("region_name", "image_id", "image_name"),
}
problems = []


def expect(where, value, kind):
    if type(value) is not kind:
        problems.append("%s: %r is %s, not %s" % (where, value, type(value).__name__, kind.__name__))


def manifest(where, m, online):
    for key in MANIFEST_STR:
        expect(where + "." + key, m[key], str)
    expect(where + ".gardenlinux_epoch", m["gardenlinux_epoch"], int)
    for i, modifier in enumerate(m["modifiers"]):
        expect("%s.modifiers[%d]" % (where, i), modifier, str)
    for i, path in enumerate(m["paths"]):
        for key in PATH_STR:
            expect("%s.paths[%d].%s" % (where, i, key), path[key], str)
    published = m["published_image_metadata"]
    if published is not None:
        for key, fields in IMAGE_STR.items():
            for i, image in enumerate(published.get(key, [])):
                for field in fields:
                    expect("%s.published_image_metadata.%s[%d].%s" % (where, key, i, field), image[field], str)
        for key in ("gcp_image_name", "gcp_project_name", "image_reference", "transport_state"):
            if key in published:
                expect(where + ".published_image_metadata." + key, published[key], str)
    if online:
        expect(where + ".s3_key", m["s3_key"], str)
        expect(where + ".s3_bucket", m["s3_bucket"], str)


for file in sys.argv[1:]:
    with open(file, encoding="utf-8") as f:
        document = yaml.safe_load(f)
    if "manifests" in document:
        expect(file + ".flavour_set_name", document["flavour_set_name"], str)
        for i, m in enumerate(document["manifests"]):
            manifest("%s.manifests[%d]" % (file, i), m, True)
    else:
        manifest(file, document, "s3_key" in document)

print("\n".join(problems) if problems else "OK")
sys.exit(1 if problems else 0)
