-- wrk's summary as one JSON line: requests, seconds, p50 and p95 latency (microseconds), failures.
-- wrk counts an answer of 400 or more as a failure (errors.status); redirects are checked before it runs.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'REPORT {"requests": %d, "seconds": %f, "p50_us": %d, "p95_us": %d, "failed": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(95),
    e.status + e.connect + e.read + e.write + e.timeout))
end
