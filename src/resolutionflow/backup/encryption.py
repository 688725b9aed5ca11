"""Optional encryption of a backup with a passphrase: a key derived with scrypt (its salt and
parameters in `encryption.json`), every file sealed with AES-256-GCM in 1 MiB chunks. Each
chunk's associated data names the file, the chunk's position and whether it is the last, so
chunks cannot be reordered, dropped, cut short or moved between files without failing."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import struct
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from pydantic import BaseModel, ValidationError

from resolutionflow.backup.manifest import BackupError
from resolutionflow.config import PRIVATE_FILE, private_dir

HEADER = "encryption.json"
_CHUNK = 1 << 20
_NONCE = 12
_MIN_PASSPHRASE = 12


class Scheme(BaseModel):
    cipher: str = "aes-256-gcm"
    kdf: str = "scrypt"
    salt: str  # hex
    n: int = 2**17
    r: int = 8
    p: int = 1
    chunk: int = _CHUNK


def read_passphrase(path: Path) -> bytes:
    try:
        passphrase = path.read_bytes().rstrip(b"\r\n")
    except OSError as exc:
        raise BackupError(f"cannot read the passphrase file {path}: {exc.strerror}") from exc
    if len(passphrase) < _MIN_PASSPHRASE:
        raise BackupError(
            f"the passphrase in {path} is shorter than {_MIN_PASSPHRASE} characters; use a "
            "long random one (e.g. `openssl rand -base64 32 > FILE`)"
        )
    return passphrase


def _key(scheme: Scheme, passphrase: bytes) -> AESGCM:
    kdf = Scrypt(salt=bytes.fromhex(scheme.salt), length=32, n=scheme.n, r=scheme.r, p=scheme.p)
    return AESGCM(kdf.derive(passphrase))


def _aad(relative: str, index: int, last: bool) -> bytes:
    return f"{relative}\n{index}\n{int(last)}".encode()


def is_encrypted(root: Path) -> bool:
    return (root / HEADER).is_file()


def encrypt_tree(plain: Path, sealed: Path, passphrase: bytes) -> None:
    """Seals every file under `plain` into the same place under `sealed` (which exists)."""
    scheme = Scheme(salt=secrets.token_hex(16))
    aead = _key(scheme, passphrase)
    for source in sorted(p for p in plain.rglob("*") if p.is_file()):
        relative = source.relative_to(plain).as_posix()
        target = sealed / relative
        private_dir(target.parent)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
        with open(source, "rb") as src, os.fdopen(fd, "wb") as out:
            index, chunk = 0, src.read(scheme.chunk)
            while True:
                following = src.read(scheme.chunk)
                last = not following
                nonce = secrets.token_bytes(_NONCE)
                sealed_chunk = aead.encrypt(nonce, chunk, _aad(relative, index, last))
                out.write(struct.pack(">I", len(sealed_chunk)) + nonce + sealed_chunk)
                if last:
                    break
                index, chunk = index + 1, following
            out.flush()
            os.fsync(out.fileno())
    fd = os.open(sealed / HEADER, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    with os.fdopen(fd, "wb") as out:
        out.write(scheme.model_dump_json(indent=2).encode() + b"\n")


def decrypt_tree(sealed: Path, plain: Path, passphrase: bytes) -> None:
    """Opens every file under `sealed` into `plain` (which exists, 0700); a wrong passphrase or
    any changed byte fails with BackupError."""
    try:
        scheme = Scheme.model_validate(json.loads((sealed / HEADER).read_bytes()))
    except (OSError, ValueError, ValidationError) as exc:
        raise BackupError(f"{sealed / HEADER} is unreadable: {exc}") from exc
    aead = _key(scheme, passphrase)
    for source in sorted(p for p in sealed.rglob("*") if p.is_file() and p.name != HEADER):
        relative = source.relative_to(sealed).as_posix()
        target = plain / relative
        private_dir(target.parent)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
        with open(source, "rb") as src, os.fdopen(fd, "wb") as out:
            total, index = os.fstat(src.fileno()).st_size, 0
            while True:
                head = src.read(4 + _NONCE)
                if len(head) != 4 + _NONCE:
                    raise BackupError(f"{relative} is cut short: the backup is damaged")
                (size,) = struct.unpack(">I", head[:4])
                body = src.read(size)
                last = src.tell() >= total
                try:
                    out.write(aead.decrypt(head[4:], body, _aad(relative, index, last)))
                except InvalidTag as exc:
                    raise BackupError(
                        f"{relative} cannot be decrypted: wrong passphrase, or the backup was "
                        "changed. Nothing was restored."
                    ) from exc
                if last:
                    break
                index += 1


def sealed_copy(plain: Path, passphrase: bytes) -> Path:
    """A sealed sibling of the directory `plain` (which is then removed)."""
    sealed = Path(str(plain) + ".sealed")
    private_dir(sealed)
    try:
        encrypt_tree(plain, sealed, passphrase)
    except BaseException:
        shutil.rmtree(sealed, ignore_errors=True)
        raise
    shutil.rmtree(plain)
    return sealed
