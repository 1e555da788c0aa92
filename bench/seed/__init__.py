"""A large, realistic forum for the benchmark, written with bulk inserts (seeder.py
says what it holds). `python -m bench.seed --scale 0.05` seeds the database in
DATABASE_URL; `make bench` seeds its own through bench.database.

Nothing here is imported at the package's top level: Django has to be set up first."""
