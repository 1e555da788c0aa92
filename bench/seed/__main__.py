"""`python -m bench.seed [--scale S] [--seed N] [--force]`: seed the database in
DATABASE_URL (PostgreSQL) with the benchmark's forum, as `make bench` does its own."""

import argparse
import os
import sys

import django


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="Multiply every count.")
    parser.add_argument("--seed", type=int, default=1, help="Random seed.")
    parser.add_argument(
        "--force", action="store_true", help="Seed even when posts are already there."
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peersupport.settings")
    django.setup()
    # Only now can the modules that use models be imported.
    from bench.seed.seeder import SeedingRefused, seed_forum

    try:
        seed_forum(scale=args.scale, seed=args.seed, force=args.force)
    except SeedingRefused as refused:
        print(f"Error: {refused}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
