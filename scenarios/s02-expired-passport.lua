-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s02-expired-passport.lua
-- A woman from Wahat with a valid visa in a passport that expired five weeks
-- ago (the visa was issued, wrongly, just before the passport ran out).
-- No fraud: an honest mistake, but not a valid travel document.
return scenario {
  id = "s02-expired-passport",
  title = "title",
  summary = "summary",
  competencies = { "document_examination", "procedure" },
  situations = {},
  difficulty = 1,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",

  traveler = {
    age = 37, sex = "F",
    speaks = { "ar", "en" },
    impostor = 0,
    companion = false,
    carries = { "carries.backpack" },
  },

  documents = {
    { template = "qwh-passport-td3", seed = 2011, defects = { "expired" } },
    { template = "uto-visa-mrva", seed = 2002, same_holder = true },
    -- the language school's letter: genuine, for the four weeks she says
    { template = "uto-school-enrolment", seed = 2003, same_holder = true,
      texts = { course = "INTENSIVE UTOPIAN, LEVEL B1, FOUR WEEKS",
                from = "01 JUN 2026", ["until"] = "26 JUN 2026" } },
  },

  questions = {
    { id = "purpose", text = "q.purpose", answer = "a.purpose" },
    { id = "length", text = "q.length", answer = "a.length" },
    { id = "visa", text = "q.visa", answer = "a.visa" },
    { id = "expired", text = "q.expired", after = { flagged = "expired" }, answer = "a.expired" },
    { id = "consulate", text = "q.consulate", after = "expired", answer = "a.consulate" },
  },

  expected = {
    decision = "refuse",
    accept = { "second_line" }, -- a first-line officer may leave the refusal to second line
    findings = { "expired" },
    ask = { "purpose", "expired" },
    lights = {},
    why = "why",
  },
  rubric = { document_examination = 45, interview = 10, human_rights = 15, procedure = 30 },

  strings = {
    en = {
      title = "Out of date",
      summary = "A valid visa in an expired passport: an honest mistake, but no valid travel document.",
      why = "A valid travel document is a condition of entry and a visa cannot replace it: refuse entry. Expiry is not fraud: explain the reason in a language she understands, give the written refusal with the right to appeal, and offer contact with her consulate.",
      ["carries.backpack"] = "A backpack",
      ["q.purpose"] = "What is the purpose of your visit?",
      ["a.purpose"] = "I'm enrolled in a four-week language course in Citadel. Here is the letter from the school.",
      ["q.length"] = "How long will you stay?",
      ["a.length"] = "Four weeks, until the end of the course. My flight home is on the twenty-ninth.",
      ["q.visa"] = "Where did you get your visa?",
      ["a.visa"] = "At your consulate in El Qasra, in April. They took my passport for a week.",
      ["q.expired"] = "Did you know your passport has expired?",
      ["a.expired"] = "Expired? (She takes it and reads.) Oh no. I only looked at the visa dates. What happens now?",
      ["q.consulate"] = "Would you like to call your consulate?",
      ["a.consulate"] = "Yes, please. Maybe they can give me an emergency passport? I don't want to lose the course.",
    },
    fr = {
      title = "Périmé",
      summary = "Un visa valide dans un passeport expiré : une erreur de bonne foi, mais pas de document de voyage valide.",
      why = "Un document de voyage valide est une condition d'entrée, et le visa ne le remplace pas : refus d'entrée. L'expiration n'est pas une fraude : expliquez le motif dans une langue qu'elle comprend, remettez la décision écrite avec les voies de recours et proposez de contacter son consulat.",
      ["carries.backpack"] = "Un sac à dos",
      ["q.purpose"] = "Quel est le but de votre séjour ?",
      ["a.purpose"] = "Je suis inscrite à un cours de langue de quatre semaines à Citadel. Voici la lettre de l'école.",
      ["q.length"] = "Combien de temps allez-vous rester ?",
      ["a.length"] = "Quatre semaines, jusqu'à la fin du cours. Mon vol de retour est le vingt-neuf.",
      ["q.visa"] = "Où avez-vous obtenu votre visa ?",
      ["a.visa"] = "À votre consulat d'El Qasra, en avril. Ils ont gardé mon passeport une semaine.",
      ["q.expired"] = "Saviez-vous que votre passeport a expiré ?",
      ["a.expired"] = "Expiré ? (Elle le prend et lit.) Oh non. Je n'ai regardé que les dates du visa. Que va-t-il se passer ?",
      ["q.consulate"] = "Voulez-vous appeler votre consulat ?",
      ["a.consulate"] = "Oui, s'il vous plaît. Ils peuvent peut-être me donner un passeport d'urgence ? Je ne veux pas perdre ce cours.",
    },
    ar = {
      title = "منتهي الصلاحية",
      summary = "تأشيرة سارية في جواز سفر منتهي الصلاحية: خطأ بحسن نية، لكن لا توجد وثيقة سفر صالحة.",
      why = "وثيقة السفر السارية شرط للدخول، والتأشيرة لا تحلّ محلّها: يُرفض الدخول. انتهاء الصلاحية ليس تزويرًا: اشرح لها السبب بلغة تفهمها، وسلّمها قرار الرفض مكتوبًا مع بيان حقها في الطعن، واعرض عليها الاتصال بقنصلية بلدها.",
      ["carries.backpack"] = "حقيبة ظهر",
      ["q.purpose"] = "ما الغرض من زيارتك؟",
      ["a.purpose"] = "أنا مسجّلة في دورة لغة مدتها أربعة أسابيع في سيتاديل. هذه رسالة المدرسة.",
      ["q.length"] = "كم ستبقين؟",
      ["a.length"] = "أربعة أسابيع، حتى نهاية الدورة. رحلة عودتي في التاسع والعشرين.",
      ["q.visa"] = "من أين حصلتِ على التأشيرة؟",
      ["a.visa"] = "من قنصليتكم في القصرة، في أبريل. احتفظوا بجوازي أسبوعًا.",
      ["q.expired"] = "هل كنتِ تعلمين أن جوازك منتهي الصلاحية؟",
      ["a.expired"] = "منتهي؟ (تأخذه وتقرأ.) يا إلهي. لم أنظر إلا إلى تواريخ التأشيرة. ماذا سيحدث الآن؟",
      ["q.consulate"] = "هل تريدين الاتصال بقنصليتك؟",
      ["a.consulate"] = "نعم، من فضلك. ربما يمنحونني جواز سفر مؤقتًا؟ لا أريد أن تفوتني الدورة.",
    },
  },
}
