"""`make bench`: run every benchmark and print its figures."""

from __future__ import annotations

import importlib
import json
import sys

BENCHES = (
    "bench.bench_kb",
    "bench.bench_slack",
    "bench.bench_docx",
    "bench.bench_remind",
    "bench.bench_passages",
    "bench.bench_import",
)


def main(names: list[str]) -> int:
    for name in names or BENCHES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        print(f"== {name}", flush=True)
        print(json.dumps(module.run(), indent=2, default=str), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
