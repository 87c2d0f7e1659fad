-- What an answer function can know of the desk (the tests play it): the
-- documents opened and turned, the specimen and the loupe, the time at the
-- counter, the defects a flag has found, the questions asked so far.
return scenario {
  id = "desk_ctx",
  title = "title",
  competencies = { "document_examination" },
  situations = {},
  difficulty = 1,
  languages = { "en" },
  traveler = { age = 40, sex = "M", speaks = { "en" } },
  documents = {
    { template = "uto-passport-td3", seed = 9001, defects = { "counterfeit_paper" } },
  },
  questions = {
    { id = "hello", text = "q.hello", answer = "a.hello" },
    { id = "state", text = "q.state",
      answer = function(ctx)
        local said = ctx.transcript()
        if ctx.found("counterfeit_paper") then return "a.found" end
        if ctx.opened(1) and ctx.loupe() and ctx.reference() and #said == 3
           and said[1] == "hello" and said[2] == "state" then
          return "a.looked"
        end
        if ctx.elapsed() > 0 and not ctx.opened(1) and not ctx.turned(1) then
          return "a.nothing"
        end
        return "a.other"
      end },
  },
  expected = { decision = "second_line", findings = { "counterfeit_paper" }, lights = { "uv" },
               why = "why" },
  rubric = { document_examination = 70, interview = 10, human_rights = 10, procedure = 10 },
  strings = { en = { title = "T", why = "W", ["q.hello"] = "Hello?", ["a.hello"] = "Hello.",
                     ["q.state"] = "What did I do?", ["a.nothing"] = "Nothing yet.",
                     ["a.looked"] = "You opened it and looked closely.",
                     ["a.found"] = "You found the paper.", ["a.other"] = "Something." } },
}
