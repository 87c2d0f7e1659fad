-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s22-morph.lua
-- A genuine Wahati passport, genuinely issued in September 2024, whose
-- portrait is a morph: a blend of the man at the counter and the applicant
-- of record, in whose name the passport was issued. The applicant brought
-- the morphed photo to the passport office and gave his own fingerprints;
-- the traveler uses the passport. The print, the chip and its signature are
-- all genuine (the chip holds the same morph); the portrait looks like the
-- traveler and not quite, and his fingerprints do not match the applicant's
-- in the chip.
return scenario {
  id = "s22-morph",
  title = "title",
  summary = "summary",
  competencies = { "document_examination", "procedure", "interview" },
  situations = {},
  difficulty = 5,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",
  place = "airport",

  traveler = {
    age = 36, sex = "M",
    speaks = { "ar", "en" },
    companion = false,
    -- the portrait blends him with the applicant of record (traveler.impostor follows)
    face = { relation = "morph" },
    -- prints taken at the desk: the chip's are the applicant's
    fingers = { skin = "good" },
    carries = { "carries.holdall" },
  },

  documents = {
    { template = "qwh-passport-td3", seed = 22011,
      holder = { surname = "KHALIL", given_names = "TAREK", birth_date = "1990-05-18",
                 place_of_birth = "BIR NAJM" } },
    { template = "uto-visa-mrva", seed = 22012, same_holder = true,
      visa = { category = "C", entries = "MULT", duration_days = 30 } },
  },

  questions = {
    { id = "purpose", text = "q.purpose", answer = "a.purpose" },
    { id = "birth", text = "q.birth", answer = "a.birth" },
    { id = "applied", text = "q.applied", after = { opened = 1 }, answer = "a.applied" },
    { id = "photo", text = "q.photo", after = "applied", answer = "a.photo" },
    { id = "enrolled", text = "q.enrolled", after = "applied", answer = "a.enrolled" },
    { id = "fingers", text = "q.fingers", answer = "a.fingers" },
    { id = "prints", text = "q.prints", after = { flagged = "impostor" }, answer = "a.prints" },
  },

  expected = {
    decision = "second_line",
    findings = {},
    ask = { "purpose", "applied", "photo" },
    lights = { "uv" },
    -- genuine documents: the evidence is the portrait against the man (F)
    steps = { "face" },
    why = "why",
  },
  rubric = { document_examination = 40, interview = 25, human_rights = 5, procedure = 30 },

  strings = {
    en = {
      title = "Two faces in one",
      summary = "A genuinely issued passport whose photo looks like the man at the counter, and not quite.",
      why = "The passport is genuine: issued and signed by Wahat, every check passes. But its portrait is a morph of this man and the applicant of record: like him and not quite, the features soft and too even, faint double outlines at the eyes and hairline; and his prints are not the applicant's in the chip. A fraudulently obtained genuine document: refer him to second line, which informs Wahat.",
      ["carries.holdall"] = "A holdall and a folder of car-parts catalogues",
      ["q.purpose"] = "What is the purpose of your visit?",
      ["a.purpose"] = "Business. I buy spare parts for my brother's garage; there is a wholesaler in Lindor.",
      ["q.birth"] = "What is your date of birth?",
      ["a.birth"] = "The eighteenth of May, 1990.",
      ["q.applied"] = "Where did you apply for this passport?",
      ["a.applied"] = "In El Qasra, at the passport office. Two years ago, more or less.",
      ["q.photo"] = "Where was the photo for it taken?",
      ["a.photo"] = "At a studio near the passport office. You bring the photo on a memory stick; everybody does that. A friend of my cousin works there.",
      ["q.enrolled"] = "What did they do at the office when you applied?",
      ["a.enrolled"] = "The forms... they took the photo from the stick. Fingerprints? I don't remember. It was a long time ago.",
      ["q.fingers"] = "Please place your fingers on the scanner.",
      ["a.fingers"] = "(He puts his fingers on the glass without a word.)",
      ["q.prints"] = "Your prints do not match the chip's. Why?",
      ["a.prints"] = "(A long silence.) I would like to speak to someone from my consulate.",
    },
    fr = {
      title = "Deux visages en un",
      summary = "Un passeport délivré en bonne et due forme, dont la photo ressemble à l'homme au guichet, sans être tout à fait lui.",
      why = "Le passeport est authentique : délivré et signé par Wahat, tous les contrôles passent. Mais son portrait est un morphing de cet homme et du demandeur officiel : ressemblant sans être lui, les traits lisses et trop réguliers, de légers doubles contours aux yeux et aux cheveux ; et ses empreintes ne sont pas celles du demandeur dans la puce. Un document authentique obtenu par fraude : orientez-le vers la deuxième ligne, qui informera Wahat.",
      ["carries.holdall"] = "Un sac de voyage et une chemise de catalogues de pièces automobiles",
      ["q.purpose"] = "Quel est le but de votre séjour ?",
      ["a.purpose"] = "Les affaires. J'achète des pièces détachées pour le garage de mon frère ; il y a un grossiste à Lindor.",
      ["q.birth"] = "Quelle est votre date de naissance ?",
      ["a.birth"] = "Le dix-huit mai 1990.",
      ["q.applied"] = "Où avez-vous demandé ce passeport ?",
      ["a.applied"] = "À El Qasra, au bureau des passeports. Il y a deux ans, à peu près.",
      ["q.photo"] = "Où la photo a-t-elle été prise ?",
      ["a.photo"] = "Dans un studio près du bureau des passeports. On apporte la photo sur une clé USB ; tout le monde fait comme ça. Un ami de mon cousin y travaille.",
      ["q.enrolled"] = "Qu'a-t-on fait au bureau lors de votre demande ?",
      ["a.enrolled"] = "Les formulaires... ils ont pris la photo sur la clé. Les empreintes ? Je ne me souviens pas. C'était il y a longtemps.",
      ["q.fingers"] = "Posez vos doigts sur le lecteur, s'il vous plaît.",
      ["a.fingers"] = "(Il pose les doigts sur la vitre sans un mot.)",
      ["q.prints"] = "Vos empreintes ne sont pas celles de la puce. Pourquoi ?",
      ["a.prints"] = "(Un long silence.) Je voudrais parler à quelqu'un de mon consulat.",
    },
    ar = {
      title = "وجهان في وجه",
      summary = "جواز صادر بصورة نظامية، صورته تشبه الرجل الواقف عند الشباك، لكن ليس تمامًا.",
      why = "الجواز أصلي: أصدرته الواحات ووقّعته، وكل الفحوص تنجح. لكن صورته مدمجة من هذا الرجل ومن مقدّم الطلب المسجّل: تشبهه وليست هو تمامًا، الملامح ناعمة ومتناسقة أكثر من اللازم، وحول العينين ومنبت الشعر خطوط مزدوجة خفيفة؛ وبصماته ليست بصمات مقدّم الطلب في الشريحة. وثيقة أصلية حُصل عليها بالاحتيال: أحِله إلى الخط الثاني الذي يُبلغ الواحات.",
      ["carries.holdall"] = "حقيبة سفر وملف فيه كتالوجات قطع غيار سيارات",
      ["q.purpose"] = "ما الغرض من زيارتك؟",
      ["a.purpose"] = "العمل. أشتري قطع غيار لورشة أخي؛ هناك تاجر جملة في ليندور.",
      ["q.birth"] = "ما تاريخ ميلادك؟",
      ["a.birth"] = "الثامن عشر من مايو ١٩٩٠.",
      ["q.applied"] = "أين قدّمت طلب هذا الجواز؟",
      ["a.applied"] = "في القصرة، في مكتب الجوازات. قبل سنتين تقريبًا.",
      ["q.photo"] = "أين التُقطت صورته؟",
      ["a.photo"] = "في استوديو قرب مكتب الجوازات. تُحضر الصورة على ذاكرة USB؛ الجميع يفعلون ذلك. صديق لابن عمي يعمل هناك.",
      ["q.enrolled"] = "ماذا فعلوا في المكتب عندما قدّمت الطلب؟",
      ["a.enrolled"] = "الاستمارات... أخذوا الصورة من الذاكرة. البصمات؟ لا أتذكّر. كان ذلك منذ زمن طويل.",
      ["q.fingers"] = "ضع أصابعك على الماسح من فضلك.",
      ["a.fingers"] = "(يضع أصابعه على الزجاج دون أن يقول شيئًا.)",
      ["q.prints"] = "بصماتك لا تطابق بصمات الشريحة. لماذا؟",
      ["a.prints"] = "(صمت طويل.) أودّ أن أتحدّث إلى أحد من قنصليتي.",
    },
  },
}
