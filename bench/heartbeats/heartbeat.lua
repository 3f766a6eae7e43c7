-- wrk script of bench/heartbeats: every request is PUT /api/v1/viewing/bookmarks for the next (profile, movie) pair,
-- so each acknowledged heartbeat creates its own row (the run checks the table against the 200s afterwards) and no
-- profile goes over its 10-per-minute heartbeat limit; BENCH_OFFSET skips the pairs an earlier run wrote. Reads
-- targets.txt: "profile_id token" per line, and movies.txt: one movie id per line.

local profiles, tokens, movies = {}, {}, {}
local counter, threads, offset = 0, 1, 0
-- globals, so that setup() and done() can reach them through thread:set / thread:get
thread_id = 0
statuses = {}

local function read_lines(path)
  local lines = {}
  for line in io.lines(path) do
    if #line > 0 then lines[#lines + 1] = line end
  end
  return lines
end

local all_threads = {}
local next_id = 0

function setup(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
  all_threads[#all_threads + 1] = thread
end

function init(args)
  threads = tonumber(os.getenv("BENCH_THREADS") or "2")
  offset = tonumber(os.getenv("BENCH_OFFSET") or "0")
  for _, line in ipairs(read_lines(os.getenv("BENCH_DIR") .. "/targets.txt")) do
    local profile, token = line:match("^(%S+) (%S+)$")
    profiles[#profiles + 1] = profile
    tokens[#tokens + 1] = token
  end
  movies = read_lines(os.getenv("BENCH_DIR") .. "/movies.txt")
  math.randomseed(os.time() + thread_id)
end

function request()
  local n = offset + counter * threads + thread_id
  counter = counter + 1
  local p = (n % #profiles) + 1
  local m = (math.floor(n / #profiles) % #movies) + 1
  local body = string.format(
    '{"content_type":"movie","content_id":"%s","position_seconds":%d,"duration_seconds":6000,"device_type":"web"}',
    movies[m], 60 + (n % 5000))
  return wrk.format("PUT", "/api/v1/viewing/bookmarks?profile_id=" .. profiles[p], {
    ["Authorization"] = "Bearer " .. tokens[p],
    ["Content-Type"] = "application/json",
  }, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local ok = 0
  local other = {}
  for _, thread in ipairs(all_threads) do
    local s = thread:get("statuses")
    for status, count in pairs(s) do
      if status == 200 then ok = ok + count else other[status] = (other[status] or 0) + count end
    end
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("app: %d heartbeats acknowledged (200) in %.1f s = %.0f/s; p50 %.2f ms, p99 %.2f ms\n",
    ok, seconds, ok / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  for status, count in pairs(other) do
    io.write(string.format("app: %d answered %d\n", count, status))
  end
  io.write(string.format("app: socket errors connect %d read %d write %d timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  local f = io.open(os.getenv("BENCH_DIR") .. "/acknowledged.txt", "w")
  f:write(tostring(ok))
  f:close()
end
