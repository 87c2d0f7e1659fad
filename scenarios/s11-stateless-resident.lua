-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s11-stateless-resident.lua
-- A nurse who has lived in Utopia for nineteen years returns from a
-- conference. She is stateless: her Utopian travel document gives her
-- nationality as XXA. It is genuine and valid.
-- (The pack has no template for a 1954-Convention travel document; the Utopian
-- passport template stands in for it, with holder nationality XXA.)
return scenario {
  id = "s11-stateless-resident",
  title = "title",
  summary = "summary",
  competencies = { "document_examination", "human_rights", "procedure" },
  situations = { "stateless" },
  difficulty = 3,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",

  traveler = {
    age = 43, sex = "F",
    speaks = { "en", "fr", "ar" },
    impostor = 0,
    companion = false,
    status = "stateless",
    carries = { "carries.residence_card", "carries.conference_bag" },
  },

  documents = {
    { template = "uto-passport-td3", seed = 11002, holder = { nationality = "XXA" } },
  },

  questions = {
    { id = "nationality", text = "q.nationality", answer = "a.nationality" },
    { id = "from", text = "q.from", answer = "a.from" },
    { id = "live", text = "q.live", answer = "a.live" },
    { id = "born", text = "q.born", after = "nationality", answer = "a.born" },
  },

  expected = {
    decision = "admit",
    findings = {},
    ask = { "nationality", "live" },
    lights = { "uv" },
    why = "why",
  },
  rubric = { document_examination = 35, interview = 15, human_rights = 35, procedure = 15 },

  strings = {
    en = {
      title = "Nationality: XXA",
      summary = "A stateless resident returns home on a genuine travel document for stateless persons.",
      why = "XXA means stateless, and a travel document issued to a stateless person (1954 Convention) is valid: admit this lawful resident. Statelessness is never in itself a reason to refuse or delay anyone.",
      ["carries.residence_card"] = "A Utopian residence card",
      ["carries.conference_bag"] = "A conference tote bag",
      ["q.nationality"] = "What is your nationality?",
      ["a.nationality"] = "I have none; I'm stateless. Utopia recognised me as stateless in 2012, and since then it issues my travel documents.",
      ["q.from"] = "Where are you travelling from?",
      ["a.from"] = "From Nordhaven: three days at a nursing conference. I work at Citadel General Hospital.",
      ["q.live"] = "Where do you live?",
      ["a.live"] = "In Citadel, for nineteen years now. I have permanent residence; here is my card.",
      ["q.born"] = "Where were you born?",
      ["a.born"] = "In Wadi Safra, in Wahat. My parents were never registered there, so Wahat never recognised me as a citizen.",
    },
    fr = {
      title = "Nationalité : XXA",
      summary = "Une résidente apatride rentre chez elle avec un titre de voyage pour apatrides authentique.",
      why = "XXA signifie apatride, et un titre de voyage délivré à une personne apatride (Convention de 1954) est valide : on admet cette résidente légale. L'apatridie n'est jamais, en soi, un motif de refus ou de retard.",
      ["carries.residence_card"] = "Un titre de séjour utopien",
      ["carries.conference_bag"] = "Un sac de congrès",
      ["q.nationality"] = "Quelle est votre nationalité ?",
      ["a.nationality"] = "Je n'en ai pas ; je suis apatride. L'Utopie m'a reconnue apatride en 2012, et depuis c'est elle qui me délivre mes titres de voyage.",
      ["q.from"] = "D'où arrivez-vous ?",
      ["a.from"] = "De Nordhaven : trois jours de congrès infirmier. Je travaille à l'hôpital général de Citadel.",
      ["q.live"] = "Où habitez-vous ?",
      ["a.live"] = "À Citadel, depuis dix-neuf ans. J'ai la résidence permanente ; voici ma carte.",
      ["q.born"] = "Où êtes-vous née ?",
      ["a.born"] = "À Wadi Safra, à Wahat. Mes parents n'y ont jamais été enregistrés, alors Wahat ne m'a jamais reconnue comme citoyenne.",
    },
    ar = {
      title = "الجنسية: XXA",
      summary = "مقيمة عديمة الجنسية تعود إلى بيتها بوثيقة سفر أصلية للأشخاص عديمي الجنسية.",
      why = "XXA تعني عديم الجنسية، ووثيقة السفر الصادرة لشخص عديم الجنسية (اتفاقية ١٩٥٤) صالحة: يُسمح لهذه المقيمة القانونية بالدخول. انعدام الجنسية ليس بحدّ ذاته سببًا لرفض أحد أو تأخيره.",
      ["carries.residence_card"] = "بطاقة إقامة في يوتوبيا",
      ["carries.conference_bag"] = "حقيبة مؤتمر",
      ["q.nationality"] = "ما جنسيتك؟",
      ["a.nationality"] = "ليست لي جنسية؛ أنا عديمة الجنسية. اعترفت بي يوتوبيا عديمة الجنسية عام ٢٠١٢، ومنذ ذلك الحين تصدر لي وثائق سفري.",
      ["q.from"] = "من أين أنتِ قادمة؟",
      ["a.from"] = "من نوردهافن: ثلاثة أيام في مؤتمر للتمريض. أعمل في مستشفى سيتاديل العام.",
      ["q.live"] = "أين تسكنين؟",
      ["a.live"] = "في سيتاديل، منذ تسعة عشر عامًا. لديّ إقامة دائمة؛ هذه بطاقتي.",
      ["q.born"] = "أين وُلدتِ؟",
      ["a.born"] = "في وادي صفرة، في الواحات. لم يُسجَّل والداي هناك قط، ولذلك لم تعترف بي الواحات مواطنةً.",
    },
  },
}
