"""The storages of an S3-compatible object store (django-storages), for ``STORAGES``."""

from __future__ import annotations


def s3_storages(
    *,
    bucket: str,
    public_bucket: str,
    endpoint_url: str | None = None,
    access_key: str | None = None,
    secret_key: str | None = None,
    region: str | None = None,
    public_domain: str | None = None,
) -> dict[str, dict]:
    """Private files in ``bucket``, never readable without the portal's keys (the
    permission-checking views hand them out, as from the disk); public ones (logos, badge
    images) in ``public_bucket``, readable by anyone at their address."""
    common = {
        "endpoint_url": endpoint_url,
        "access_key": access_key,
        "secret_key": secret_key,
        "region_name": region,
        "file_overwrite": False,
    }
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": bucket,
                "default_acl": "private",
                # Were the address of a private file ever shown, it is signed and short-lived.
                "querystring_auth": True,
                "querystring_expire": 300,
            },
        },
        "public": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": public_bucket,
                "default_acl": "public-read",
                "querystring_auth": False,
                "custom_domain": public_domain,
            },
        },
    }
