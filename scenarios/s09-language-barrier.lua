-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s09-language-barrier.lua
-- A grandmother from Wahat who speaks only Arabic comes to help her daughter
-- with a new baby. Genuine documents. The desk shows her answers in Arabic
-- until an interpreter is called; without one she can only say a few words.
return scenario {
  id = "s09-language-barrier",
  title = "title",
  summary = "summary",
  competencies = { "interview", "procedure", "human_rights" },
  situations = { "language_barrier" },
  difficulty = 2,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",

  traveler = {
    age = 70, sex = "F",
    speaks = { "ar" },
    impostor = 0,
    companion = false,
    carries = { "carries.letter", "carries.baby_clothes" },
  },

  documents = {
    { template = "qwh-passport-td3", seed = 9001 },
    { template = "uto-visa-mrva", seed = 9002, same_holder = true },
  },

  questions = {
    { id = "purpose", text = "q.purpose",
      answer = {
        { when = { interpreter = false }, say = "a.purpose_short" },
        { say = "a.purpose" },
      } },
    { id = "length", text = "q.length",
      answer = {
        { when = { interpreter = false }, say = "a.length_short" },
        { say = "a.length" },
      } },
    { id = "stay", text = "q.stay",
      answer = function(ctx)
        if not ctx.interpreter() then return "a.stay_short" end
        return "a.stay"
      end },
    { id = "money", text = "q.money", answer = "a.money" },
  },

  expected = {
    decision = "admit",
    findings = {},
    ask = { "purpose", "length" },
    lights = { "uv" },
    interpreter = true,
    why = "why",
  },
  rubric = { document_examination = 20, interview = 30, human_rights = 25, procedure = 25 },

  strings = {
    en = {
      title = "A few words",
      summary = "A grandmother who speaks only Arabic comes for the birth of her grandchild.",
      why = "She speaks only Arabic: call an interpreter before interviewing and deciding; never guess from gestures or a few words. Through the interpreter her account is consistent with a genuine passport and a valid visa: admit.",
      ["carries.letter"] = "An envelope: letter, ticket",
      ["carries.baby_clothes"] = "Dates and knitted baby clothes",
      ["q.purpose"] = "What is the purpose of your visit?",
      ["a.purpose_short"] = "My daughter... baby... Citadel. (She holds out the envelope.)",
      ["a.purpose"] = "My daughter lives in Citadel. She is expecting her first baby at the end of the month, and I'm coming to help her.",
      ["q.length"] = "How long will you stay?",
      ["a.length_short"] = "Baby... (She counts on her fingers and smiles.)",
      ["a.length"] = "Six weeks, until the baby is a little bigger. The return ticket is in the envelope.",
      ["q.stay"] = "Where will you stay?",
      ["a.stay_short"] = "My daughter. (She points at the letter.)",
      ["a.stay"] = "With my daughter and her husband. Their address is on the letter.",
      ["q.money"] = "Who is paying for your stay?",
      ["a.money"] = "My son-in-law is paying for everything, and I have some money of my own.",
    },
    fr = {
      title = "Quelques mots",
      summary = "Une grand-mère qui ne parle que l'arabe vient pour la naissance de son petit-enfant.",
      why = "Elle ne parle que l'arabe : faites appel à un interprète avant de l'interroger et de décider ; ne devinez jamais à partir de gestes ou de quelques mots. Grâce à l'interprète, son récit est cohérent avec un passeport authentique et un visa valide : on l'admet.",
      ["carries.letter"] = "Enveloppe : lettre, billet",
      ["carries.baby_clothes"] = "Des dattes, des habits de bébé",
      ["q.purpose"] = "Quel est le but de votre séjour ?",
      ["a.purpose_short"] = "Ma fille... bébé... Citadel. (Elle tend l'enveloppe.)",
      ["a.purpose"] = "Ma fille habite à Citadel. Elle attend son premier bébé pour la fin du mois, et je viens l'aider.",
      ["q.length"] = "Combien de temps allez-vous rester ?",
      ["a.length_short"] = "Bébé... (Elle compte sur ses doigts et sourit.)",
      ["a.length"] = "Six semaines, le temps que le bébé grandisse un peu. Le billet de retour est dans l'enveloppe.",
      ["q.stay"] = "Où allez-vous loger ?",
      ["a.stay_short"] = "Ma fille. (Elle montre la lettre.)",
      ["a.stay"] = "Chez ma fille et son mari. Leur adresse est sur la lettre.",
      ["q.money"] = "Qui paie votre séjour ?",
      ["a.money"] = "Mon gendre paie tout, et j'ai aussi un peu d'argent à moi.",
    },
    ar = {
      title = "كلمات قليلة",
      summary = "جدّة لا تتكلّم إلا العربية تأتي لولادة حفيدها.",
      why = "لا تتكلّم إلا العربية: استدعِ مترجمًا قبل المقابلة وقبل اتخاذ القرار؛ ولا تخمّن أبدًا من الإشارات أو من كلمات قليلة. بفضل المترجم تتّسق روايتها مع جواز سفر أصلي وتأشيرة سارية: يُسمح لها بالدخول.",
      ["carries.letter"] = "ظرف فيه رسالة وتذكرة",
      ["carries.baby_clothes"] = "تمر وملابس أطفال محبوكة",
      ["q.purpose"] = "ما الغرض من زيارتك؟",
      ["a.purpose_short"] = "ابنتي... طفل... سيتاديل. (تمدّ الظرف.)",
      ["a.purpose"] = "ابنتي تسكن في سيتاديل. تنتظر مولودها الأول في آخر الشهر، وجئت لأساعدها.",
      ["q.length"] = "كم ستبقين؟",
      ["a.length_short"] = "الطفل... (تعدّ على أصابعها وتبتسم.)",
      ["a.length"] = "ستة أسابيع، حتى يكبر الطفل قليلًا. تذكرة العودة في الظرف.",
      ["q.stay"] = "أين ستقيمين؟",
      ["a.stay_short"] = "ابنتي. (تشير إلى الرسالة.)",
      ["a.stay"] = "عند ابنتي وزوجها. عنوانهما في الرسالة.",
      ["q.money"] = "من يتحمّل نفقات إقامتك؟",
      ["a.money"] = "زوج ابنتي يدفع كل شيء، ومعي أيضًا بعض المال الخاص بي.",
    },
  },
}
