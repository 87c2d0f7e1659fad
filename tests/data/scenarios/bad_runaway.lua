-- An answer function that never returns: the sandbox must stop it, the desk carries on.
return scenario {
  id = "bad_runaway",
  title = "title",
  languages = { "en" },
  traveler = { age = 30, sex = "X", speaks = { "en" } },
  documents = { { template = "uto-passport-td3", seed = 7 } },
  questions = {
    { id = "loop", text = "q.loop", answer = function(ctx) while true do end end },
    { id = "io", text = "q.io", answer = function(ctx) return io.open("/etc/passwd") end },
  },
  expected = { decision = "admit", why = "why" },
  rubric = { document_examination = 25, interview = 25, human_rights = 25, procedure = 25 },
  strings = { en = { title = "T", why = "W", ["q.loop"] = "Loop?", ["q.io"] = "Files?" } },
}
