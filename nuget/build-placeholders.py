#!/usr/bin/env python3
"""Rebuilds the placeholder packages of the repo-local NuGet feed (nuget/local) byte for byte.

Each folder under nuget/placeholders holds one .nuspec; the package is a zip holding that .nuspec and the
OPC [Content_Types].xml, with fixed timestamps and entry order so the same input always gives the same
.nupkg (the committed file must not change when the script runs again).
Usage: python3 nuget/build-placeholders.py   (then `git diff --stat nuget/local` should be empty)
"""
import pathlib
import re
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="nuspec" ContentType="application/octet" />'
    '</Types>'
)
FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3
    return info


def build(nuspec: pathlib.Path) -> pathlib.Path:
    text = nuspec.read_text(encoding="utf-8")
    package_id = re.search(r"<id>([^<]+)</id>", text).group(1)
    version = re.search(r"<version>([^<]+)</version>", text).group(1)
    out = ROOT / "local" / f"{package_id.lower()}.{version}.nupkg"
    out.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(entry(f"{package_id}.nuspec"), text.encode("utf-8"))
        z.writestr(entry("[Content_Types].xml"), CONTENT_TYPES.encode("utf-8"))
    return out


if __name__ == "__main__":
    for spec in sorted((ROOT / "placeholders").glob("*/*.nuspec")):
        print(build(spec).relative_to(ROOT.parent))
