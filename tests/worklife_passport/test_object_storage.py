"""Uploads in an S3-compatible object store (S3_BUCKET), tested against one started on
loopback (moto's server, in a process of its own): private files stay private and are
handed out by the permission-checking views; public ones are readable at their address."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile

from network_portal.object_storage import s3_storages
from worklife_passport.models import Claim
from worklife_passport.services import claims as claim_services

pytestmark = pytest.mark.django_db

KEYS = {"access_key": "portal-test", "secret_key": "portal-test-secret", "region": "eu-north-1"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server():
    port = _free_port()
    server = shutil.which("moto_server", path=str(Path(sys.executable).parent))
    assert server, "moto[server] is a development dependency: make install"
    process = subprocess.Popen(
        [server, "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "MOTO_ALLOW_NONEXISTENT_REGION": "true"},
    )
    endpoint = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(endpoint, timeout=1)
            break
        except urllib.error.HTTPError:
            break  # it answers
        except OSError:
            time.sleep(0.1)
    yield endpoint
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def object_store(s3_server, settings):
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        aws_access_key_id=KEYS["access_key"],
        aws_secret_access_key=KEYS["secret_key"],
        region_name=KEYS["region"],
    )
    suffix = os.urandom(4).hex()
    buckets = {"private": f"private-{suffix}", "public": f"public-{suffix}"}
    for bucket in buckets.values():
        client.create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": KEYS["region"]}
        )
    settings.STORAGES = {
        **settings.STORAGES,
        **s3_storages(
            bucket=buckets["private"],
            public_bucket=buckets["public"],
            endpoint_url=s3_server,
            **KEYS,
        ),
    }
    return client, buckets


def _public_grants(client, bucket, key):
    acl = client.get_object_acl(Bucket=bucket, Key=key)
    return [
        grant["Permission"]
        for grant in acl["Grants"]
        if grant["Grantee"].get("URI", "").endswith("/global/AllUsers")
    ]


def test_private_evidence_is_in_the_store_unreadable_without_keys_and_handed_out_by_the_view(
    client, world, object_store
):
    s3, buckets = object_store
    claim = Claim.objects.create(
        student=world.student, badge=world.badge, status=Claim.Status.DRAFT, narrative="Work."
    )
    item = claim_services.evidence_add(
        actor=world.student,
        claim=claim,
        file=SimpleUploadedFile("work.pdf", b"%PDF-1.7 my log"),
    )
    stored = s3.get_object(Bucket=buckets["private"], Key=item.file.name)["Body"].read()
    assert stored == b"%PDF-1.7 my log"
    assert _public_grants(s3, buckets["private"], item.file.name) == []
    # Its address without the portal's signature is refused by the store.
    unsigned = item.file.url.split("?")[0]
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(unsigned, timeout=5)
    assert refused.value.code == 403
    url = f"/en/passport/claims/{claim.pk}/files/{item.pk}/"
    client.force_login(world.student)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 my log"
    client.force_login(world.other_student)
    assert client.get(url).status_code == 404


def test_public_files_are_readable_at_their_address(object_store):
    s3, buckets = object_store
    name = storages["public"].save("logos/school.png", ContentFile(b"\x89PNG public"))
    assert "READ" in _public_grants(s3, buckets["public"], name)
    url = storages["public"].url(name)
    assert "Signature" not in url and "X-Amz" not in url
    with urllib.request.urlopen(url, timeout=5) as answer:
        assert answer.read() == b"\x89PNG public"


def test_the_default_storage_is_the_private_bucket(object_store):
    _s3, buckets = object_store
    assert default_storage.bucket_name == buckets["private"]
    assert storages["public"].bucket_name == buckets["public"]
