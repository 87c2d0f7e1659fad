-- A hostile scenario: its table's metamethods error or loop. The checker must
-- read it without running them, and report what is missing.
local t = { id = "bad_meta" }
return setmetatable(t, {
  __index = function(_, k) while true do end end,
  __len = function() error("boom") end,
})
