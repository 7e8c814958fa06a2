#!/usr/bin/env python3
"""The original CI's upload of a build result, for the benchmark: per tar member, SHA-1 over the content in small
chunks, then boto3's upload_fileobj of the member to objects/<sha1> (boto3's default transfer settings).

usage: original_upload.py ENDPOINT ACCESS_KEY SECRET_KEY BUCKET TARBALL
prints one line: seconds=<s> rchar=<bytes read by this process> read_bytes=<bytes read from the block device>
"""
import hashlib
import sys
import tarfile
import time

import boto3


def io_counters():
    counters = {}
    with open('/proc/self/io') as f:
        for line in f:
            key, value = line.split(':')
            counters[key.strip()] = int(value)
    return counters


def main(endpoint, access_key, secret_key, bucket, tarball):
    s3 = boto3.client('s3', endpoint_url=endpoint, aws_access_key_id=access_key,
                      aws_secret_access_key=secret_key, region_name='us-east-1')
    before = io_counters()
    start = time.monotonic()
    with tarfile.open(tarball) as tf:
        for member in tf:
            if not member.isreg():
                continue
            digest = hashlib.sha1()
            fileobj = tf.extractfile(member)
            while chunk := fileobj.read(4096):
                digest.update(chunk)
            fileobj = tf.extractfile(member)
            s3.upload_fileobj(Fileobj=fileobj, Bucket=bucket, Key='objects/' + digest.hexdigest())
    seconds = time.monotonic() - start
    after = io_counters()
    print(f"seconds={seconds:.3f} rchar={after['rchar'] - before['rchar']} "
          f"read_bytes={after['read_bytes'] - before['read_bytes']}")


if __name__ == '__main__':
    main(*sys.argv[1:6])
