"""Where a page's time goes, on the bench data set with the settings `make bench` serves.

    python -m bench.profile_page URL [EMAIL] [REQUESTS]   # e.g. /en/courses/bench-course-0001/lesson-20/
                                                          #      trainee@bench.example.org 20

Runs after `make bench` has seeded its database (BENCH_DATABASE_URL, BENCH_CACHE_URL as there). Signs
EMAIL in (a session of its own), warms the caches with two requests, prints the SQL queries and cache
commands of the next (as `make bench` counts them), then profiles REQUESTS more through
django.test.Client under cProfile (BENCH_PROFILE_CLOCK=cpu: this process's CPU time, which a shared
machine does not inflate) and prints the functions with the most cumulative and own time.
"""

import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench.suite import environment


def main(url: str, email: str = "", requests: int = 20) -> None:
    os.environ.update(environment())
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.production"
    import django

    django.setup()
    import redis
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User

    client = Client()

    def get(url):
        # A streamed response (the CSV export) runs its code only as it is read: read it whole.
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        return response

    if email:
        client.force_login(User.objects.get(email=email))
    for _ in range(2):
        response = get(url)
        assert response.status_code == 200, (response.status_code, response.get("Location"))
    trips, commands = [0], []
    execute, pipeline_execute = redis.Redis.execute_command, redis.client.Pipeline.execute

    def command(self, *args, **kwargs):
        if not isinstance(self, redis.client.Pipeline):
            trips[0] += 1
            commands.append(" ".join(str(arg)[:90] for arg in args[:4]))
        return execute(self, *args, **kwargs)

    def pipeline(self, *args, **kwargs):
        trips[0] += 1
        commands.append(f"pipeline of {len(self.command_stack)}")
        return pipeline_execute(self, *args, **kwargs)

    redis.Redis.execute_command, redis.client.Pipeline.execute = command, pipeline
    with CaptureQueriesContext(connection) as queries:
        get(url)
    print(f"{url}: {len(queries)} queries, {trips[0]} cache round trips (warm)")
    for query in queries.captured_queries:
        print(f"  {query['time']}s  {query['sql'][:300]}")
    for line in commands:
        print(f"  cache: {line}")
    # On a shared machine the wall clock counts the time other processes hold the cores, in every wait
    # for PostgreSQL and Redis: BENCH_PROFILE_CLOCK=cpu profiles this process's own CPU time instead.
    cpu = os.environ.get("BENCH_PROFILE_CLOCK") == "cpu"
    profile = cProfile.Profile(time.process_time) if cpu else cProfile.Profile()
    started, started_cpu = time.perf_counter(), time.process_time()
    profile.enable()
    for _ in range(requests):
        get(url)
    profile.disable()
    elapsed, elapsed_cpu = time.perf_counter() - started, time.process_time() - started_cpu
    print(
        f"{requests} requests (profiled, {'CPU' if cpu else 'wall'} clock): "
        f"{elapsed / requests * 1000:.1f} ms each, of which "
        f"{elapsed_cpu / requests * 1000:.1f} ms CPU in this process"
    )
    stats = pstats.Stats(profile).strip_dirs()
    stats.sort_stats("cumulative").print_stats(60)
    stats.sort_stats("tottime").print_stats(30)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    main(arguments[0], *(arguments[1:2]), *([int(arguments[2])] if len(arguments) > 2 else []))
