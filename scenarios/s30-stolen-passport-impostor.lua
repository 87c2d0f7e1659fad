-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s30-stolen-passport-impostor.lua
-- Key facts: a genuine Wahati passport in the name of NABIL JABER (born
-- 1990-08-02), with his genuine visa in it, reported STOLEN by Wahat, its
-- issuing state: the SLTD search answers on the document number (action:
-- seize). The man presenting it is not NABIL JABER: a look-alike who hesitates
-- over the holder's facts and says he carries nothing else. Second line: a
-- search in private is needed (what he carries may hold his own identity),
-- holding him is justified as a last resort while his identity is checked;
-- screening reveals no protection need. Expected final decision at second
-- line: refuse (no valid travel document of his own), in writing with the
-- reasons and the remedy; the listed passport is seized.
return scenario {
  id = "s30-stolen-passport-impostor",
  title = "title",
  summary = "summary",
  competencies = { "document_examination", "procedure", "human_rights" },
  situations = {},
  difficulty = 4,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",
  place = "airport",

  traveler = {
    age = 33, sex = "M",
    speaks = { "ar", "en" },
    companion = false,
    face = { relation = "lookalike" },
    carries = { "carries.backpack" },
  },

  documents = {
    { template = "qwh-passport-td3", seed = 30001,
      holder = { surname = "JABER", given_names = "NABIL", surname_native = "جابر",
                 given_names_native = "نبيل", birth_date = "1990-08-02" } },
    { template = "uto-visa-mrva", seed = 30002, same_holder = true },
  },

  -- the passport is in SLTD: reported stolen by Wahat, which issued it
  checks = {
    { list = "sltd", category = "stolen", action = "seize", match = "document_number",
      reporting = "QWH" },
  },

  second_line = { search = true, hold = true, vulnerable = {} },

  questions = {
    { id = "purpose", text = "q.purpose", answer = "a.purpose" },
    { id = "name", text = "q.name", answer = "a.name" },
    { id = "birth", text = "q.birth", after = "name", answer = "a.birth" },
    { id = "issued", text = "q.issued", answer = "a.issued" },
    { id = "reported", text = "q.reported", after = "issued", answer = "a.reported" },
    { id = "other", text = "q.other", answer = "a.other" },
  },

  expected = {
    decision = "refuse",
    findings = {},
    ask = { "purpose", "name", "birth", "other" },
    lights = { "uv" },
    steps = { "face" },
    why = "why",
  },
  rubric = { document_examination = 30, interview = 15, human_rights = 25, procedure = 30 },

  strings = {
    en = {
      title = "Listed as stolen",
      summary = "A genuine Wahati passport reported stolen, presented by a man who resembles its holder.",
      why = "The passport is genuine but Wahat, its issuing state, reported it stolen: a document listed in SLTD is cancelled and is seized. The man is not its holder (the face differs, he hesitates over the holder's birth date). At second line: a search in private by an officer of the same sex (he may carry his own papers), holding only while his identity is checked, screening for protection needs (none). With no valid travel document of his own he does not meet the entry conditions: refuse in writing, with the reasons and how to appeal.",
      ["carries.backpack"] = "A backpack; a phone that keeps ringing",
      ["q.purpose"] = "What is the purpose of your visit?",
      ["a.purpose"] = "To see a friend in Valmore. Two weeks, maybe three.",
      ["q.name"] = "What is your full name?",
      ["a.name"] = "Nabil Jaber.",
      ["q.birth"] = "What is your date of birth?",
      ["a.birth"] = "1990... the second of... August. The second of August 1990.",
      ["q.issued"] = "Where and when was your passport issued?",
      ["a.issued"] = "In El Qasra. Some years ago, I don't remember exactly.",
      ["q.reported"] = "Have you ever reported a passport lost or stolen?",
      ["a.reported"] = "No. Never. Why?",
      ["q.other"] = "Do you carry any other identity document?",
      ["a.other"] = "No, only this passport. (He moves the backpack behind his legs.)",
    },
    fr = {
      title = "Signalé volé",
      summary = "Un passeport de Wahat authentique signalé volé, présenté par un homme qui ressemble à son titulaire.",
      why = "Le passeport est authentique mais Wahat, l'État qui l'a délivré, l'a déclaré volé : un document inscrit dans la base SLTD est annulé et se saisit. L'homme n'en est pas le titulaire (le visage diffère, il hésite sur sa date de naissance). En deuxième ligne : une fouille en privé par un agent du même sexe (il peut porter ses propres papiers), une retenue seulement le temps de vérifier son identité, le repérage des besoins de protection (aucun). Sans document de voyage valable à son nom, il ne remplit pas les conditions d'entrée : refusez par écrit, avec les motifs et les voies de recours.",
      ["carries.backpack"] = "Un sac à dos ; un téléphone qui sonne sans arrêt",
      ["q.purpose"] = "Quel est le but de votre séjour ?",
      ["a.purpose"] = "Voir un ami à Valmore. Deux semaines, peut-être trois.",
      ["q.name"] = "Quels sont vos nom et prénom ?",
      ["a.name"] = "Nabil Jaber.",
      ["q.birth"] = "Quelle est votre date de naissance ?",
      ["a.birth"] = "1990... le deux... août. Le deux août 1990.",
      ["q.issued"] = "Où et quand votre passeport a-t-il été délivré ?",
      ["a.issued"] = "À El Qasra. Il y a quelques années, je ne sais plus exactement.",
      ["q.reported"] = "Avez-vous déjà déclaré un passeport perdu ou volé ?",
      ["a.reported"] = "Non. Jamais. Pourquoi ?",
      ["q.other"] = "Avez-vous un autre document d'identité ?",
      ["a.other"] = "Non, seulement ce passeport. (Il glisse le sac à dos derrière ses jambes.)",
    },
    ar = {
      title = "مُبلَّغ عنه مسروقًا",
      summary = "جواز أصلي من الواحات مُبلَّغ عن سرقته، يقدّمه رجل يشبه صاحبه.",
      why = "الجواز أصلي، لكن الواحات، الدولة التي أصدرته، أبلغت عن سرقته: الوثيقة المدرجة في قاعدة الوثائق المسروقة والمفقودة (SLTD) ملغاة وتُحجز. والرجل ليس صاحبها (الوجه مختلف، ويتردّد في تاريخ ميلاد صاحبها). في الخط الثاني: تفتيش على انفراد يجريه موظف من الجنس نفسه (قد يحمل أوراقه الخاصة)، واحتجاز فقط ريثما يُتحقّق من هويته، وفحص احتياجات الحماية (لا شيء). لا يحمل وثيقة سفر صالحة باسمه، فلا يستوفي شروط الدخول: ارفض دخوله كتابةً مع الأسباب وطريقة الطعن.",
      ["carries.backpack"] = "حقيبة ظهر؛ هاتف لا يتوقّف عن الرنين",
      ["q.purpose"] = "ما الغرض من زيارتك؟",
      ["a.purpose"] = "زيارة صديق في فالمور. أسبوعان، وربما ثلاثة.",
      ["q.name"] = "ما اسمك الكامل؟",
      ["a.name"] = "نبيل جابر.",
      ["q.birth"] = "ما تاريخ ميلادك؟",
      ["a.birth"] = "١٩٩٠... الثاني من... أغسطس. الثاني من أغسطس ١٩٩٠.",
      ["q.issued"] = "أين ومتى صدر جوازك؟",
      ["a.issued"] = "في القصرة. قبل بضع سنوات، لا أتذكّر بالضبط.",
      ["q.reported"] = "هل أبلغت يومًا عن فقدان جواز أو سرقته؟",
      ["a.reported"] = "لا. أبدًا. لماذا؟",
      ["q.other"] = "هل تحمل أي وثيقة هوية أخرى؟",
      ["a.other"] = "لا، هذا الجواز فقط. (يدفع حقيبة الظهر خلف ساقيه.)",
    },
  },
}
