-- A small scenario the tests use: breeder documents (civil records) on the
-- desk of an undocumented returnee. The birth certificate was registered
-- nineteen years after the birth (a late registration: content, not a
-- defect) and names no father; the family booklet's husband was altered
-- (reprinted in an ink that vanishes in IR) to name a Utopian; the Wahati
-- extract is his mother's, whose marginal note records the marriage. See
-- docs/templates.md, "Civil records".
return scenario {
  id = "breeder",
  title = "title",
  competencies = { "document_examination", "interview", "procedure" },
  situations = { "undocumented_returnee" },
  difficulty = 3,
  languages = { "en", "fr" },
  today = "2026-06-01",
  traveler = { age = 24, sex = "M", speaks = { "en", "fr" }, status = "probable_national" },
  documents = {
    { template = "uto-birth-certificate", seed = 31001,
      holder = { surname = "VESSARI", given_names = "LUCAS", birth_date = "2002-02-11",
                 place_of_birth = "VALMORE" },
      texts = { registered = "03 MAR 2021", declarant = "THE PERSON HIMSELF / L'INTÉRESSÉ",
                father = "UNKNOWN / NON DÉNOMMÉ",
                mother = "CLAIRE VESSARI", marginal = "LATE REGISTRATION, JUDGMENT OF 12 FEB 2021" } },
    { template = "uto-family-booklet", seed = 31002, same_holder = true,
      defects = { "data_alteration_ir" }, altered = "text.husband",
      texts = { husband = "ANDERS KARAVIS, BORN IN LINDOR", wife = "CLAIRE VESSARI, BORN IN VALMORE",
                married = "20 MAY 1999, VALMORE" } },
    { template = "qwh-civil-register-extract", seed = 31003,
      holder = { surname = "MANSOUR", given_names = "AMAL", sex = "F", birth_date = "1978-07-30" },
      texts = { marginal = "MARRIED 20 MAY 1999 IN VALMORE, UTOPIA, TO ANDERS KARAVIS" } },
  },
  questions = {
    { id = "birth", text = "q.birth", answer = "a.birth" },
    { id = "late", text = "q.late", after = "birth", answer = "a.late" },
  },
  expected = { decision = "second_line", findings = { "data_alteration_ir" }, ask = { "birth", "late" },
               lights = { "ir" }, why = "why" },
  rubric = { document_examination = 50, interview = 20, human_rights = 10, procedure = 20 },
  strings = {
    en = { title = "Papers of a birth",
           why = "A late registration is not a forgery, but the booklet's husband was reprinted (it vanishes in IR) to name a father the certificate does not: second line, to check the registers.",
           ["q.birth"] = "When and where were you born?", ["a.birth"] = "In Valmore, on the eleventh of February 2002.",
           ["q.late"] = "Why was your birth registered in 2021?",
           ["a.late"] = "My mother never declared me. A judge ordered it when I needed papers." },
    fr = { title = "Les papiers d'une naissance",
           why = "Une déclaration tardive n'est pas un faux, mais l'époux du livret a été réimprimé (il disparaît en IR) pour nommer un père que l'acte ne nomme pas : deuxième ligne, pour vérifier les registres.",
           ["q.birth"] = "Quand et où êtes-vous né ?", ["a.birth"] = "À Valmore, le 11 février 2002.",
           ["q.late"] = "Pourquoi votre naissance a-t-elle été déclarée en 2021 ?",
           ["a.late"] = "Ma mère ne m'a jamais déclaré. Un juge l'a ordonné quand il m'a fallu des papiers." },
  },
}
