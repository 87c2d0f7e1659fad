-- A visitor from Nordhaven on flight NA412 to Valmore, with the flight's
-- passenger list (API) and her booking (PNR). tests/cli/api.sh makes its
-- PAXLST and reads it with an independent EDIFACT parser; its swapped
-- variants are made from this file by changing the flight.api line.
return scenario {
  id = "flight",
  title = "title",
  competencies = { "document_examination" },
  situations = {},
  difficulty = 1,
  languages = { "en" },
  today = "2026-06-01",
  traveler = { age = 38, sex = "F", speaks = { "en" } },
  documents = {
    { template = "uto-passport-td3", seed = 4100,
      holder = { surname = "O'NEILL", given_names = "ANNA MARIA", nationality = "QNV",
                 birth_date = "1988-04-12" } },
  },
  questions = {
    { id = "purpose", text = "q.purpose", answer = "a.purpose" },
  },
  expected = { decision = "admit", findings = {}, ask = { "purpose" }, why = "why" },
  rubric = { document_examination = 70, interview = 10, human_rights = 10, procedure = 10 },
  flight = { carrier = "NA", number = "412", from = "NHV", to = "VLM",
             departs = "09:10", arrives = "12:40",
             passengers = 40, seed = 4101,
             booking = "K7Q2LM", seat = "14C" },
  pnr = { booked = "2026-05-02", payment = "card", payer = "self",
          return_date = "2026-06-14", frequent_flyer = "NA 1234567",
          contact = "+QNV 555 0142 / anna.oneill@example.org",
          meal = "VGML", bags = 1, checkin = "checked_in",
          remarks = "pnr.remarks",
          changes = { "2026-05-02 booked", "2026-05-20 seat changed" } },
  strings = {
    en = {
      title = "A visitor from Nordhaven",
      why = "Genuine documents and a consistent purpose: admit.",
      ["q.purpose"] = "What brings you to Utopia?",
      ["a.purpose"] = "A week's holiday in Valmore.",
      ["pnr.remarks"] = "Window seat requested",
    },
  },
}
