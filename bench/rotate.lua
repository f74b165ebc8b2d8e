-- wrk script: GET each path of a file in turn (one path per line), e.g. /api/municipalities/11001
-- usage: wrk ... -s bench/rotate.lua http://host:port -- PATHS_FILE
local paths = {}
local i = 0

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  -- threads start at different places in the list
  i = math.random(#paths)
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

function done(summary, latency, requests)
  io.write(string.format("  non-2xx/3xx %d, socket errors %d\n", summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
