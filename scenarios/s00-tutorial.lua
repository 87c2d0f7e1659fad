-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s00-tutorial.lua
-- The first traveler of the default session, for a trainee who has never
-- sat at the desk: a Utopian citizen comes home with a genuine passport.
-- tutorial = true: the desk asks for each tool in turn and waits for it
-- (docs/scenarios.md, "A tutorial"); K skips it. The case is practice: it is
-- not scored, and exams and journaled sessions leave it out.
return scenario {
  id = "s00-tutorial",
  title = "title",
  summary = "summary",
  tutorial = true,
  competencies = { "document_examination", "interview", "procedure" },
  situations = {},
  difficulty = 1,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",
  place = "airport",

  traveler = {
    age = 41, sex = "F",
    speaks = { "en", "fr", "ar" },        -- she answers in the interface's language
    impostor = 0,
    companion = false,
    status = "citizen",
    carries = { "carries.backpack" },
  },

  documents = {
    { template = "uto-passport-td3", seed = 11 }, -- genuine, with its microtext line
  },

  questions = {
    { id = "from", text = "q.from", answer = "a.from" },
    { id = "purpose", text = "q.purpose", answer = "a.purpose" },
    { id = "live", text = "q.live", answer = "a.live" },
  },

  expected = {
    decision = "admit",
    findings = {},
    ask = { "from" },
    lights = { "uv" },
    why = "why",
  },
  rubric = { document_examination = 50, interview = 20, human_rights = 0, procedure = 30 },

  strings = {
    en = {
      title = "Tutorial: your first traveler",
      summary = "A guided first case: each tool of the desk in turn, on a citizen coming home with a genuine passport.",
      why = "A citizen with a genuine, valid passport and a consistent account is admitted without delay: everyone has the right to enter their own country.",
      ["carries.backpack"] = "A backpack",
      ["q.from"] = "Where are you travelling from?",
      ["a.from"] = "From Nordhaven. I was at a conference for four days.",
      ["q.purpose"] = "What was the purpose of your trip?",
      ["a.purpose"] = "Work: I teach chemistry, and I gave a talk there.",
      ["q.live"] = "Where do you live?",
      ["a.live"] = "In Lindor, near the old harbour.",
    },
    fr = {
      title = "Tutoriel : votre premier voyageur",
      summary = "Un premier cas guidé : chaque outil du poste tour à tour, sur une citoyenne qui rentre avec un passeport authentique.",
      why = "Une citoyenne munie d'un passeport authentique et valide, au récit cohérent, est admise sans délai : toute personne a le droit d'entrer dans son propre pays.",
      ["carries.backpack"] = "Un sac à dos",
      ["q.from"] = "D'où arrivez-vous ?",
      ["a.from"] = "De Nordhaven. J'étais à un colloque pendant quatre jours.",
      ["q.purpose"] = "Quel était le but de votre voyage ?",
      ["a.purpose"] = "Le travail : j'enseigne la chimie et j'y ai donné une conférence.",
      ["q.live"] = "Où habitez-vous ?",
      ["a.live"] = "À Lindor, près du vieux port.",
    },
    ar = {
      title = "درس تمهيدي: مسافرك الأول",
      summary = "حالة أولى موجَّهة: أدوات المكتب واحدة تلو الأخرى، مع مواطنة تعود بجواز سفر أصلي.",
      why = "مواطنة تحمل جواز سفر أصليًا وساري المفعول، وروايتها متّسقة: يُسمح لها بالدخول دون تأخير، فلكل شخص الحق في دخول بلده.",
      ["carries.backpack"] = "حقيبة ظهر",
      ["q.from"] = "من أين أنتِ قادمة؟",
      ["a.from"] = "من نوردهافن. كنت في مؤتمر لمدة أربعة أيام.",
      ["q.purpose"] = "ما الغرض من رحلتك؟",
      ["a.purpose"] = "العمل: أُدرّس الكيمياء وألقيت محاضرة هناك.",
      ["q.live"] = "أين تسكنين؟",
      ["a.live"] = "في ليندور، قرب الميناء القديم.",
    },
  },
}
