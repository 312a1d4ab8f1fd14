-- Distinct questions for wrk: every request asks a random valid day of 2019-2026 of a random route, as a
-- journalist scrubbing dates or a script walking companies does, so the answer cache rarely holds the answer.
--
--   wrk -t1 -c16 -d10s -s bench/distinct.lua http://127.0.0.1:8000 -- QUESTIONS [SEED]
--
-- QUESTIONS is a file written by bench/http.py (`python -m bench.distinct FILE` writes one alone):
-- one question a line, "<kind><TAB><path and query up to as_of=>", e.g.
--   company<TAB>/companies/MiniMax?as_of=
--   pipeline page<TAB>/pipeline?limit=100&as_of=
--   venue page<TAB>/pipeline?venue=SSE-STAR&limit=100&as_of=
-- with a company line for every company of the seed data (its name as the seed data spells it) and a venue
-- line for every venue. Each request picks a kind, uniformly, then a question of that kind and a day, both
-- uniformly. SEED makes a run repeatable; each thread draws its own sequence from it.

local FIRST_DAY = 1546300800 -- 2019-01-01T00:00:00Z
local DAYS = 2922 -- 2019-01-01 to 2026-12-31, both counted

local kinds, questions, threads = {}, {}, 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  local path = args[1] or error("distinct.lua: give the questions file: wrk ... -s bench/distinct.lua URL -- FILE")
  local file = io.open(path, "r") or error("distinct.lua: cannot read " .. path)
  for line in file:lines() do
    local kind, prefix = line:match("^([^\t]+)\t(.+)$")
    if kind then
      if questions[kind] == nil then
        questions[kind] = {}
        kinds[#kinds + 1] = kind
      end
      local of_kind = questions[kind]
      of_kind[#of_kind + 1] = prefix
    end
  end
  file:close()
  if #kinds == 0 then
    error("distinct.lua: no questions in " .. path)
  end
  math.randomseed((tonumber(args[2]) or os.time()) * 1000 + (thread_number or 0))
end

function request()
  local of_kind = questions[kinds[math.random(#kinds)]]
  local day = os.date("!%Y-%m-%d", FIRST_DAY + (math.random(DAYS) - 1) * 86400)
  return wrk.format("GET", of_kind[math.random(#of_kind)] .. day)
end
