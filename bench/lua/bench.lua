-- wrk script for every Almanac benchmark workload.
--
-- The request comes from a spec file written by bench/workloads.py (a Lua
-- chunk returning {method=, paths={...}, headers={...}, body=, unique=}),
-- named by the BENCH_SPEC environment variable. The spec is read when the
-- script loads, because wrk decides at load time whether a script is static
-- (one pre-built request: cheapest, used for the ceilings) or dynamic.
--
--   unique = true : each request PUTs a new resource; "@@ID@@" in the path
--                   and body becomes <run tag>-<thread>-<counter>.
--   several paths : requests rotate over them.
--
-- done() prints one line "BENCHJSON {...}" with the counts and latency
-- percentiles in microseconds; bench/wrkrun.py parses it.

local spec = dofile(os.getenv("BENCH_SPEC"))
local tag = os.getenv("BENCH_TAG") or "run"

wrk.method = spec.method
wrk.path = spec.paths[1]
wrk.body = spec.body
wrk.headers = spec.headers or {}

local dynamic = spec.unique or #spec.paths > 1

function setup(thread)
   -- Runs in the main Lua state once per thread, before that thread's init().
   thread_counter = (thread_counter or 0) + 1
   thread:set("tid", thread_counter)
end

if dynamic then
   local counter = 0
   local n = #spec.paths
   local method, body, headers = spec.method, spec.body, spec.headers

   function request()
      counter = counter + 1
      if spec.unique then
         local id = tag .. "-" .. tostring(tid) .. "-" .. tostring(counter)
         local path = string.gsub(spec.paths[1], "@@ID@@", id)
         local b = string.gsub(body, "@@ID@@", id)
         return wrk.format(method, path, headers, b)
      end
      return wrk.format(method, spec.paths[(counter % n) + 1], headers, body)
   end
end

function done(summary, latency, requests)
   local e = summary.errors
   local p = {}
   for _, q in ipairs({50, 90, 99, 99.9}) do
      p[#p + 1] = string.format('"%s": %d', tostring(q), latency:percentile(q))
   end
   io.write(string.format(
      'BENCHJSON {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
      '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
      '"latency": {"min": %d, "max": %d, "mean": %.1f, "stdev": %.1f, "percentiles": {%s}}}\n',
      summary.requests, summary.duration, summary.bytes,
      e.connect, e.read, e.write, e.status, e.timeout,
      latency.min, latency.max, latency.mean, latency.stdev, table.concat(p, ", ")))
end
