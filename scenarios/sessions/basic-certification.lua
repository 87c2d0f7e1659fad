-- scenarios/sessions/basic-certification.lua
-- The first-line certification: six travelers, 40 minutes, 6 minutes each.
-- One genuine returning citizen for everybody, then one traveler drawn from
-- each pool: forged documents, protection needs, interview conduct, and two
-- bona fide travelers. Each trainee draws their own (no seed): neighbours do
-- not sit the same pack, and a restarted session draws the same again.
return session {
  id = "uto-first-line-basic",
  title = "First-line certification (basic)",
  exam = true,
  mrz_reader = false,
  time_limit = { session_min = 40, case_min = 6 },
  pass = {
    overall = 70,
    document_examination = 60,
    interview = 50,
    human_rights = 80,
    procedure = 50,
    critical_fails = true,
  },
  trainee = { cohort = "2026-B" },
  scenarios = {
    "../s01-citizen-returning.lua",
    { pool = { "../s04-counterfeit-paper.lua", "../s14-route-counterfeit-visa.lua",
               "../s16-metameric-id.lua", "../s17-altered-birthdate.lua" }, draw = 1 },
    { pool = { "../s05-fear-of-return.lua", "../s06-unaccompanied-child.lua",
               "../s07-trafficking.lua" }, draw = 1 },
    { pool = { "../s08-discriminatory-question.lua", "../s09-language-barrier.lua" }, draw = 1 },
    { pool = { "../s03-business-visitor.lua", "../s10-wheelchair-citizen.lua",
               "../s11-stateless-resident.lua", "../s18-insulin-visitor.lua" }, draw = 2 },
  },
}
