"""Server-Timing for the benchmark's HTTP figures (bench settings only)."""

import time


def server_timing(get_response):
    def middleware(request):
        started = time.perf_counter()
        response = get_response(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        response["Server-Timing"] = f"app;dur={elapsed_ms:.2f}"
        return response

    return middleware
