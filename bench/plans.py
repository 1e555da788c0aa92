"""Every query a scenario makes, run again under EXPLAIN ANALYZE on the bench data: how
long PostgreSQL took and which tables it read from end to end.

A sequential scan of a small table (the boards, the roles) is the right plan. One of a
table that grows with the forum (posts, threads, cases) costs more every month: the
table names it, and the index that should serve the query can be checked."""

from urllib.parse import urlencode

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from .in_process import send
from .scenarios import check_response

# Tables with fewer rows than this are read whole by the best plan.
GROWING_TABLE_ROWS = 1000


def table_sizes():
    with connection.cursor() as cursor:
        cursor.execute("SELECT relname, reltuples FROM pg_class WHERE relkind = 'r'")
        return {name: int(rows) for name, rows in cursor.fetchall()}


def _nodes(plan):
    yield plan
    for child in plan.get("Plans", []):
        yield from _nodes(child)


def sequential_scans(plan, sizes):
    """(table, rows read) for each sequential scan in an EXPLAIN (ANALYZE, FORMAT JSON)
    plan of a table with at least GROWING_TABLE_ROWS rows."""
    scans = []
    for node in _nodes(plan):
        table = node.get("Relation Name")
        if node["Node Type"] != "Seq Scan" or sizes.get(table, 0) < GROWING_TABLE_ROWS:
            continue
        read = (node["Actual Rows"] + node.get("Rows Removed by Filter", 0)) * node["Actual Loops"]
        scans.append((table, read))
    return scans


def _explain(sql):
    # ANALYZE runs the query; inside a transaction rolled back, it changes nothing and
    # a SELECT ... FOR UPDATE keeps its lock no longer than this.
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}")
            explained = cursor.fetchone()[0][0]
        transaction.set_rollback(True)
    return explained


def explain(scenario, client, sizes):
    """One more request of `scenario`, and each SELECT it made explained: how many, the
    slowest one's time in PostgreSQL, and the growing tables read whole."""
    path, data = scenario.next_request()
    with CaptureQueriesContext(connection) as captured:
        response = send(client, path, None if data is None else urlencode(data))
    check_response(scenario, response.status_code, response.headers.get("Location"))
    selects = [query["sql"] for query in captured if query["sql"].startswith("SELECT")]
    slowest, scans = 0.0, []
    for sql in selects:
        explained = _explain(sql)
        slowest = max(slowest, explained["Execution Time"])
        scans += sequential_scans(explained["Plan"], sizes)
    return {
        "selects": len(selects),
        "slowest_ms": slowest,
        "sequential_scans": [{"table": table, "rows_read": read} for table, read in scans],
    }
