-- A scenario that uses every authoring word of expected: accept, pass,
-- critical, waive; questions with must and competency. The tests score it.
return scenario {
  id = "authored",
  title = "title",
  competencies = { "interview", "human_rights", "procedure" },
  situations = {},
  difficulty = 2,
  languages = { "en" },
  traveler = { age = 34, sex = "M", speaks = { "en" }, status = "citizen" },
  documents = {
    { template = "uto-passport-td3", seed = 9101, defects = { "expired" } },
  },
  questions = {
    -- not asking how he came to have an expired passport is critical here
    { id = "renew", text = "q.renew", answer = "a.renew", must = true },
    -- asking whether he needs anything shows human rights, not interview
    { id = "help", text = "q.help", answer = "a.help", competency = "human_rights" },
    { id = "trip", text = "q.trip", answer = "a.trip" },
    { id = "ticket", text = "q.ticket", answer = "a.ticket" },
  },
  expected = {
    -- a citizen with an expired passport comes home: admit
    decision = "admit",
    accept = { "second_line" },
    findings = { "expired" },
    ask = { "help", "trip" },
    pass = 80,
    critical = {
      -- sending him to second line without asking anything is the author's critical error
      { when = { decision = "second_line", not_asked = "trip" }, reason = "crit.no_questions" },
    },
    waive = {
      { critical = "refusal_not_explained", reason = "waive.reasons" },
    },
    why = "why",
  },
  rubric = { document_examination = 10, interview = 40, human_rights = 30, procedure = 20 },
  strings = {
    en = {
      title = "Home on an old passport",
      why = "A citizen may come home on an expired passport: admit, and tell him to renew it.",
      ["q.renew"] = "Did you know your passport has expired?", ["a.renew"] = "No! Since when?",
      ["q.help"] = "Do you need anything?", ["a.help"] = "No, thank you.",
      ["q.trip"] = "Where are you coming from?", ["a.trip"] = "A conference in Nordhaven.",
      ["q.ticket"] = "May I see your ticket?", ["a.ticket"] = "Here.",
      ["crit.no_questions"] = "A citizen sent to second line without a single question about his trip.",
      ["waive.reasons"] = "This exercise is about the decision, not the refusal interview.",
    },
  },
}
