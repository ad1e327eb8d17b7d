#!/usr/bin/env python3
"""Writes the JSON schema of SAM's resource types from the pinned aws-sam-translator wheel.

The wheel does not ship its JSON schema (`schema_source/sam.schema.json` of
the SAM repository) as a file: it ships the pydantic models the schema is
generated from (`samtranslator/internal/schema_source/`), and the function
that generates it (`schema.get_schema(SamModel)`). This script runs that
very function, the way SAM's own `make schema` does, with the pinned wheels
only, and writes the result byte for byte as SAM writes it
(`schema.json_dumps`: sorted keys, two-space indent).

    python3 -S -I spec/sam_schema.py --sam-wheel W --pydantic-wheel P \
        --typing-extensions-wheel T --out F [--licenses DIR]

`-S -I` keep the interpreter off site-packages, so the models run against
the pinned pure-Python pydantic 1.10 (the `pydantic.v1` API the models
use), not whatever pydantic is installed. `--licenses DIR` also copies the
wheel's license files (`LICENSE`, `NOTICE`) into DIR. The same wheels give
the same bytes. `update.sh` runs this; `generate_data.py` reads its output.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import zipfile
from pathlib import Path

LICENSE_FILES = ("LICENSE", "NOTICE")


def main() -> int:
    parser = argparse.ArgumentParser(description="Write SAM's JSON schema from the pinned wheels.")
    parser.add_argument("--sam-wheel", required=True, type=Path)
    parser.add_argument("--pydantic-wheel", required=True, type=Path)
    parser.add_argument("--typing-extensions-wheel", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--licenses", type=Path, help="copy the wheel's LICENSE and NOTICE here")
    args = parser.parse_args()
    if not (sys.flags.no_site and sys.flags.isolated):
        print("sam_schema.py: run it as `python3 -S -I spec/sam_schema.py …`, away from site-packages",
              file=sys.stderr)  # fmt: skip
        return 2
    with tempfile.TemporaryDirectory() as lib:
        for wheel in (args.sam_wheel, args.pydantic_wheel, args.typing_extensions_wheel):
            with zipfile.ZipFile(wheel) as archive:
                archive.extractall(lib)
        sys.path.insert(0, lib)
        sys.dont_write_bytecode = True
        from samtranslator.internal.schema_source import schema  # noqa: PLC0415 (from the wheel)

        text = schema.json_dumps(schema.get_schema(schema.SamModel))
        if args.licenses is not None:
            args.licenses.mkdir(parents=True, exist_ok=True)
            with zipfile.ZipFile(args.sam_wheel) as archive:
                for member in sorted(archive.namelist()):
                    parts = member.split("/")
                    if parts[0].endswith(".dist-info") and parts[-1] in LICENSE_FILES:
                        (args.licenses / parts[-1]).write_bytes(archive.read(member))
    args.out.write_text(text, encoding="utf-8")
    print(f"sam_schema.py: wrote {args.out.name} ({len(text.encode('utf-8'))} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
