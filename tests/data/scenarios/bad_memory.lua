-- An answer function that fills the sandbox's memory and keeps it (catching
-- each refusal with pcall): the desk goes on, the scenario's state starts
-- afresh for the next answer, and a plain answer still works.
return scenario {
  id = "bad_memory",
  title = "title",
  languages = { "en" },
  traveler = { age = 30, sex = "X", speaks = { "en" } },
  documents = { { template = "uto-passport-td3", seed = 7 } },
  questions = {
    { id = "hog", text = "q.hog", answer = function(ctx)
        KEEP = KEEP or {}
        while true do
          local ok = pcall(function() KEEP[#KEEP + 1] = string.rep("m", 1 << 20) end)
          if not ok then break end
        end
        return "a.hog" .. string.rep("x", 1 << 22)
      end },
    { id = "fine", text = "q.fine", answer = function(ctx) return "a.fine" end },
  },
  expected = { decision = "admit", why = "why" },
  rubric = { document_examination = 25, interview = 25, human_rights = 25, procedure = 25 },
  strings = { en = { title = "T", why = "W", ["q.hog"] = "Hog?", ["q.fine"] = "Fine?",
                     ["a.hog"] = "hog", ["a.fine"] = "fine" } },
}
