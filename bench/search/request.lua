-- wrk script of bench/search: GET requests that go round the paths of $BENCH_DIR/paths.txt (one a line; "{profile}"
-- stands for the user's profile id) and the users of $BENCH_DIR/users.txt ("profile_id token" a line; several users,
-- so that no single rate-limit bucket is the bottleneck). A 200 whose body lacks $BENCH_EXPECT (e.g.
-- '"fallback_reason":null': the mode asked for is the mode that ran) counts as unexpected. done() prints one
-- "result key=value ..." line, latencies in ms, and the other statuses seen.

local paths, tokens = {}, {} -- paths[user][i]: with that user's profile
local counter, threads = 0, 1
local expect = os.getenv("BENCH_EXPECT")
thread_id = 0
ok, non200, unexpected = 0, 0, 0
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
  local templates = read_lines(os.getenv("BENCH_DIR") .. "/paths.txt")
  for _, line in ipairs(read_lines(os.getenv("BENCH_DIR") .. "/users.txt")) do
    local profile, token = line:match("^(%S+) (%S+)$")
    tokens[#tokens + 1] = token
    local mine = {}
    for i, template in ipairs(templates) do mine[i] = template:gsub("{profile}", profile) end
    paths[#paths + 1] = mine
  end
end

function request()
  local n = counter * threads + thread_id
  counter = counter + 1
  local user = (n % #tokens) + 1
  local mine = paths[user]
  return wrk.format("GET", mine[(math.floor(n / #tokens) % #mine) + 1], {["Authorization"] = "Bearer " .. tokens[user]})
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    statuses[status] = (statuses[status] or 0) + 1
  elseif expect and not string.find(body, expect, 1, true) then
    unexpected = unexpected + 1
  else
    ok = ok + 1
  end
end

function done(summary, latency, requests)
  local good, bad, odd, seen = 0, 0, 0, ""
  for _, thread in ipairs(all_threads) do
    good = good + thread:get("ok")
    bad = bad + thread:get("non200")
    odd = odd + thread:get("unexpected")
    for status, count in pairs(thread:get("statuses")) do seen = seen .. " http" .. status .. "=" .. count end
  end
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "result ok=%d non200=%d unexpected=%d errors=%d seconds=%.1f rate=%.1f mean=%.2f p50=%.2f p95=%.2f p99=%.2f%s\n",
    good, bad, odd, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    seconds, good / seconds, latency.mean / 1000, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, seen))
end
