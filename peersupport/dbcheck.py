"""Say in one line whether the test database server answers (used by `make test`)."""

import os
import sys

import dj_database_url
import psycopg2


def main():
    url = os.environ["DATABASE_URL"]
    config = dj_database_url.parse(url)
    try:
        # The maintenance database: the test database itself is created by the tests.
        psycopg2.connect(
            dbname="postgres",
            user=config.get("USER") or None,
            password=config.get("PASSWORD") or None,
            host=config.get("HOST") or None,
            port=config.get("PORT") or None,
            connect_timeout=5,
        ).close()
    except psycopg2.OperationalError as error:
        reason = " ".join(str(error).split())
        print(
            f"PostgreSQL is not reachable at {url} ({reason}). Start it, or point "
            "DATABASE_URL at a server you can use: "
            "DATABASE_URL=postgres://user:password@host:5432/peersupport make test",
            file=sys.stderr,
        )
        sys.exit(2)


if __name__ == "__main__":
    main()
