"""Back up and restore the PostgreSQL database in DATABASE_URL (`make backup`, `make restore`).

    python scripts/backup.py backup            # prints the new file's path
    python scripts/backup.py restore FILE [--yes]

A backup is pg_dump's custom format, written to var/backups/peersupport-<UTC time>.dump
(BACKUP_DIR picks another folder), readable by its owner only: it holds members' private
email addresses. A restore runs pg_restore --clean --if-exists --no-owner in a single
transaction, so a failed restore leaves the database as it was; it asks first unless
given --yes.

pg_dump refuses a server newer than itself and a newer pg_dump writes settings an older
server rejects, so the tools of the server's own major version are used when installed
(Debian: /usr/lib/postgresql/<major>/bin), otherwise those on the PATH. The password
travels in PGPASSWORD, never on a command line that `ps` would show.
"""

import argparse
import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

import dj_database_url
import psycopg2
from psycopg2.extensions import make_dsn

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_ENGINES = {"django.db.backends.postgresql", "django.contrib.gis.db.backends.postgis"}


class Refusal(Exception):
    """Something the person running the command can put right; the message says how."""


def connection_from_environment():
    """(libpq connection string without the password, the password) for DATABASE_URL."""
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        raise Refusal(
            "Backups are of the PostgreSQL database in DATABASE_URL, which is not set. "
            "For example: DATABASE_URL=postgres://user:password@host:5432/peersupport "
            "make backup"
        )
    config = dj_database_url.parse(url)
    if config["ENGINE"] not in POSTGRES_ENGINES:
        raise Refusal(
            "DATABASE_URL is not a PostgreSQL database. The SQLite database of `make run` "
            "is the single file var/peersupport.sqlite3: copy it while the site is stopped."
        )
    params = {
        "dbname": config["NAME"],
        "user": config.get("USER") or None,
        "host": config.get("HOST") or None,
        "port": config.get("PORT") or None,
        **config.get("OPTIONS", {}),
    }
    return make_dsn(**{key: value for key, value in params.items() if value}), config.get(
        "PASSWORD"
    )


def server_tool(name, dsn, password):
    """The server's own version of pg_dump or pg_restore."""
    try:
        conn = psycopg2.connect(dsn, password=password or None, connect_timeout=10)
    except psycopg2.OperationalError as problem:
        reason = " ".join(str(problem).split())
        raise Refusal(f"PostgreSQL did not answer ({reason}).") from problem
    major = conn.server_version // 10000
    conn.close()
    matching = Path(f"/usr/lib/postgresql/{major}/bin/{name}")
    if matching.exists():
        return str(matching)
    found = shutil.which(name)
    if not found:
        raise Refusal(f"{name} is not installed: install PostgreSQL {major}'s client tools.")
    return found


def tool_environment(password):
    environment = dict(os.environ)
    if password:
        environment["PGPASSWORD"] = password
    return environment


def backup():
    dsn, password = connection_from_environment()
    pg_dump = server_tool("pg_dump", dsn, password)
    folder = Path(os.environ.get("BACKUP_DIR") or ROOT / "var" / "backups")
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    path = folder / f"peersupport-{stamp}.dump"
    # Created owner-only before a byte is written.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as output:
        dumped = subprocess.run(  # noqa: S603 (our own arguments)
            [pg_dump, "--format=custom", f"--dbname={dsn}"],
            stdout=output,
            env=tool_environment(password),
            check=False,
        )
    if dumped.returncode != 0:
        path.unlink()
        raise Refusal("pg_dump stopped (its message is above); no backup was written.")
    print(path)


def confirmed(dsn, path):
    print(f"This replaces everything in the database ({dsn}) with the backup {path}.")
    try:
        answer = input("Type yes to restore it: ")
    except EOFError:
        answer = ""
    return answer.strip().lower() == "yes"


def restore(path, yes):
    if not path:
        raise Refusal("Say which backup to restore: make restore BACKUP=var/backups/<file>.dump")
    path = Path(path)
    if not path.is_file():
        raise Refusal(f"There is no backup file at {path}.")
    dsn, password = connection_from_environment()
    pg_restore = server_tool("pg_restore", dsn, password)
    if not yes and not confirmed(dsn, path):
        raise Refusal("Nothing was restored. (YES=1 skips the question, for scripts.)")
    restored = subprocess.run(  # noqa: S603 (our own arguments)
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            f"--dbname={dsn}",
            str(path),
        ],
        env=tool_environment(password),
        check=False,
    )
    if restored.returncode != 0:
        raise Refusal("pg_restore stopped (its message is above); the database is unchanged.")
    print(f"Restored {path}.")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("backup", help="write a new backup and print its path")
    restoring = commands.add_parser("restore", help="replace the database with a backup")
    restoring.add_argument("path", nargs="?", default="")
    restoring.add_argument("--yes", action="store_true", help="do not ask first")
    args = parser.parse_args(argv)
    try:
        if args.command == "backup":
            backup()
        else:
            restore(args.path, args.yes)
    except Refusal as refusal:
        print(refusal, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
