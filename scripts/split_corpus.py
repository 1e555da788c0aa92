"""Split the raw screening corpus once into a development part and a frozen test part.

Each example's part is decided by a hash of its own text (about 35 % to test), so adding
new examples never moves old ones between parts. The test part is frozen: this script
refuses to change an existing test file unless run with --refreeze, and then prints the
new checksum to record in corpus/test-split.sha256 on purpose (tests/moderation/
screening/test_corpus.py fails until it is).

    python scripts/split_corpus.py            # first split, or add new dev examples
    python scripts/split_corpus.py --refreeze # deliberately rewrite the test part
"""

import argparse
import hashlib
import json
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
TEST_SHARE = 35  # percent
SETS = {
    "posts": sorted((CORPUS / "raw").glob("w*.jsonl")),
    "personal-data": sorted((CORPUS / "raw").glob("personal_data*.jsonl")),
}


def part_of(text):
    bucket = int(hashlib.sha256(text.strip().lower().encode()).hexdigest(), 16) % 100
    return "test" if bucket < TEST_SHARE else "dev"


def read(paths):
    seen = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            example = json.loads(line)
            key = example["text"].strip().lower()
            if key not in seen:
                seen.add(key)
                yield {**example, "source": path.stem}


def write(path, examples):
    text = "".join(json.dumps(example, ensure_ascii=False) + "\n" for example in examples)
    path.write_text(text, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--refreeze", action="store_true")
    args = parser.parse_args()
    for name, paths in SETS.items():
        parts = {"dev": [], "test": []}
        for example in read(paths):
            parts[part_of(example["text"])].append(example)
        test_path = CORPUS / f"{name}-test.jsonl"
        if test_path.exists() and not args.refreeze:
            print(f"{test_path.name} is frozen; left as it is (--refreeze to rewrite)")
        else:
            write(test_path, parts["test"])
        write(CORPUS / f"{name}-dev.jsonl", parts["dev"])
        print(f"{name}: {len(parts['dev'])} dev, {len(parts['test'])} test")
    print("Test-split checksums (corpus/test-split.sha256):")
    for path in sorted(CORPUS.glob("*-test.jsonl")):
        print(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.name}")


if __name__ == "__main__":
    sys.exit(main())
