-- A small, correct scenario the tests use (the pack's own scenarios are checked too).
return scenario {
  id = "good",
  title = "title",
  competencies = { "document_examination", "interview" },
  situations = {},
  difficulty = 1,
  languages = { "en", "fr" },
  traveler = { age = 40, sex = "F", speaks = { "en" }, carries = { "carries.bag" } },
  documents = {
    { template = "uto-passport-td3", seed = 9001 },
  },
  questions = {
    { id = "purpose", text = "q.purpose", answer = "a.purpose" },
    { id = "stay", text = "q.stay", after = "purpose",
      answer = { { when = { light = "uv" }, say = "a.stay_uv" }, { say = "a.stay" } } },
    { id = "work", text = "q.work",
      answer = function(ctx)
        if ctx.asked("purpose") and ctx.interpreter() then return "a.work_both" end
        if ctx.asked("purpose") then return "a.work_after" end
        return "a.work"
      end },
  },
  expected = { decision = "admit", ask = { "purpose" }, why = "why" },
  rubric = { document_examination = 50, interview = 30, human_rights = 10, procedure = 10 },
  strings = {
    en = { title = "A visit", why = "Genuine documents, a consistent story: admit.",
           ["carries.bag"] = "a small bag",
           ["q.purpose"] = "Purpose of your visit?", ["a.purpose"] = "Visiting my sister.",
           ["q.stay"] = "How long will you stay?", ["a.stay"] = "Two weeks.", ["a.stay_uv"] = "Two weeks, why the lamp?",
           ["q.work"] = "Do you work?", ["a.work"] = "Yes.", ["a.work_after"] = "Yes, as I said, I visit.",
           ["a.work_both"] = "Yes (interpreted)." },
    fr = { title = "Une visite", why = "Documents authentiques, récit cohérent : admettre.",
           ["carries.bag"] = "un petit sac",
           ["q.purpose"] = "Motif de votre visite ?", ["a.purpose"] = "Je rends visite à ma sœur.",
           ["q.stay"] = "Combien de temps restez-vous ?", ["a.stay"] = "Deux semaines.", ["a.stay_uv"] = "Deux semaines, pourquoi la lampe ?",
           ["q.work"] = "Travaillez-vous ?", ["a.work"] = "Oui.", ["a.work_after"] = "Oui, comme je l'ai dit.",
           ["a.work_both"] = "Oui (interprété)." },
  },
}
