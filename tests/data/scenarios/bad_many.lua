return scenario {
  id = "bad_many",
  title = "title",
  languages = { "en", "fr" },
  traveler = { age = 30, sex = "M", speaks = { "en" }, colour = "red" },
  documents = {
    { template = "uto-passport-td9", seed = 1 },
    { template = "uto-passport-td3", seed = 2, defects = { "glitter", "photo_substitution" } },
  },
  questions = {
    { id = "a", text = "q.a", answer = "a.a", after = "nowhere" },
    { id = "b", text = "q.b", answer = "a.b", forbidden = true },
  },
  expected = { decision = "admit", ask = { "b", "zzz" }, lights = { "xray" },
               findings = { "expired" }, why = "why" },
  rubric = { document_examination = 50, interview = 40 },
  strings = {
    en = { title = "T", why = "W", ["q.a"] = "A?", ["a.a"] = "a", ["q.b"] = "B?", ["a.b"] = "b" },
    fr = { title = "T", why = "W", ["q.a"] = "A ?", ["a.a"] = "a", ["q.b"] = "B ?" },
  },
}
