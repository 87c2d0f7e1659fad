-- A scenario the scoring tests use: a Utopian removed from Nordavia comes
-- home under escort with his passport and the escort order; the order's
-- "copy received" signature is not his hand (someone signed for him). The
-- passport's signature, in white light, is what it is compared with.
return scenario {
  id = "signature",
  title = "title",
  competencies = { "document_examination", "procedure" },
  situations = {},
  difficulty = 2,
  languages = { "en" },
  today = "2026-06-01",
  traveler = { age = 44, sex = "M", speaks = { "en" }, status = "citizen" },
  documents = {
    { template = "uto-passport-td3", seed = 9101 },
    { template = "qnv-escort-order", seed = 9102, same_holder = true,
      texts = { date = "01 JUN 2026", escorts = "OFFR. LARS ARNESEN, OFFR. MAJA TORVIK" },
      defects = { "signature_mismatch" } },
  },
  questions = {
    { id = "signed", text = "q.signed", answer = "a.signed" },
  },
  expected = { decision = "second_line", findings = { "signature_mismatch" }, lights = {},
               ask = { "signed" }, why = "why" },
  rubric = { document_examination = 50, interview = 20, human_rights = 10, procedure = 20 },
  strings = {
    en = { title = "Copy received", why = "The escort order's signature is not the one in his passport: refer the order to second line; he is a citizen and is not refused.",
           ["q.signed"] = "Did you sign this order?",
           ["a.signed"] = "No. They handed it to me on the plane already signed." },
  },
}
