"""The S3-compatible server of the storage tests (moto; see tests/storage/conftest.py), for the
backup test that restores onto object storage."""

from tests.storage.conftest import s3_server  # noqa: F401 - a fixture, registered by import
