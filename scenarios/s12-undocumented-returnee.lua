-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s12-undocumented-returnee.lua
-- A man who says he is Utopian arrives with no document at all: his wallet
-- with passport and ID card was stolen abroad. He carries a police report and
-- a letter from the Utopian consulate. Identity has to be established by
-- interview and confirmed at second line.
return scenario {
  id = "s12-undocumented-returnee",
  title = "title",
  summary = "summary",
  competencies = { "interview", "procedure", "human_rights" },
  situations = { "undocumented_returnee" },
  difficulty = 3,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",

  traveler = {
    age = 38, sex = "M",
    speaks = { "en", "fr" },
    impostor = 0,
    companion = false,
    status = "probable_national",
    carries = { "carries.consulate_letter" },
  },

  -- no travel document: the Nordavian police's receipt for his declaration
  -- names him and the passport he lost (second line can look the number up)
  documents = {
    { template = "qnv-police-loss-report", seed = 12001,
      holder = { surname = "QUENNEVAL", given_names = "MATEO", birth_date = "1988-03-03",
                 nationality = "UTO" },
      texts = { reported = "29 MAY 2026", items = "PASSPORT, IDENTITY CARD",
                incident = "THEFT OF A WALLET ON TRAIN IC 22 FROM NORDHAVEN, 29 MAY 2026" } },
  },

  questions = {
    { id = "name", text = "q.name", answer = "a.name" },
    { id = "birth", text = "q.birth", answer = "a.birth" },
    { id = "lost", text = "q.lost", answer = "a.lost" },
    { id = "board", text = "q.board", after = "lost", answer = "a.board" },
    { id = "address", text = "q.address", answer = "a.address" },
    { id = "number", text = "q.number", answer = "a.number" },
    { id = "confirm", text = "q.confirm", answer = "a.confirm" },
  },

  expected = {
    decision = "second_line",
    findings = {},
    ask = { "name", "birth", "lost", "address" },
    lights = {},
    why = "why",
  },
  rubric = { document_examination = 5, interview = 40, human_rights = 25, procedure = 30 },

  strings = {
    en = {
      title = "Nothing but a police report",
      summary = "A man who says he is Utopian arrives without any document after a theft abroad.",
      why = "No document: establish his identity by interview (name, date and place of birth, address, people who can confirm) and refer him to second line to check it against the registers. A citizen cannot be refused entry to his own country, so do not refuse; but do not admit on his word alone either.",
      ["carries.consulate_letter"] = "A letter from the Utopian consulate in Nordhaven",
      ["q.name"] = "What is your full name?",
      ["a.name"] = "Mateo Quenneval.",
      ["q.birth"] = "When and where were you born?",
      ["a.birth"] = "On the third of March 1988, in Valmore.",
      ["q.lost"] = "What happened to your documents?",
      ["a.lost"] = "My wallet was stolen on a train in Nordavia three days ago, with my passport and my ID card inside. I reported it to the police; here is the report.",
      ["q.board"] = "How were you allowed to board?",
      ["a.board"] = "Our consulate in Nordhaven gave me this letter. They couldn't issue an emergency passport before my flight, but the airline accepted the letter.",
      ["q.address"] = "What is your address in Utopia?",
      ["a.address"] = "14 Tanners' Street, Valmore. I live there with my partner, Claire.",
      ["q.number"] = "Do you know your ID card number?",
      ["a.number"] = "Not by heart, sorry. It was in the same wallet. My employer has all my details: the Valmore bus company, I'm a driver.",
      ["q.confirm"] = "Can someone confirm who you are?",
      ["a.confirm"] = "My partner, Claire, and my manager at the depot. I can give you both their numbers.",
    },
    fr = {
      title = "Rien qu'une déclaration de vol",
      summary = "Un homme qui se dit utopien arrive sans aucun document après un vol à l'étranger.",
      why = "Aucun document : établissez son identité par l'entretien (nom, date et lieu de naissance, adresse, personnes pouvant confirmer) et orientez-le vers la deuxième ligne pour la vérifier dans les registres. Un citoyen ne peut être refoulé de son propre pays : ne refusez pas ; mais n'admettez pas non plus sur sa seule parole.",
      ["carries.consulate_letter"] = "Une lettre du consulat utopien de Nordhaven",
      ["q.name"] = "Quels sont vos nom et prénom ?",
      ["a.name"] = "Mateo Quenneval.",
      ["q.birth"] = "Quand et où êtes-vous né ?",
      ["a.birth"] = "Le 3 mars 1988, à Valmore.",
      ["q.lost"] = "Qu'est-il arrivé à vos papiers ?",
      ["a.lost"] = "On m'a volé mon portefeuille dans un train en Nordavie il y a trois jours, avec passeport et carte d'identité. J'ai porté plainte ; voici la déclaration.",
      ["q.board"] = "Comment avez-vous pu embarquer ?",
      ["a.board"] = "Notre consulat à Nordhaven m'a donné cette lettre. Pas le temps de faire un passeport d'urgence avant mon vol, mais la compagnie l'a acceptée.",
      ["q.address"] = "Quelle est votre adresse en Utopie ?",
      ["a.address"] = "14, rue des Tanneurs, à Valmore. J'y vis avec ma compagne, Claire.",
      ["q.number"] = "Connaissez-vous votre numéro de carte ?",
      ["a.number"] = "Pas par cœur, désolé : elle était dans le portefeuille. Mon employeur a mes coordonnées : je suis chauffeur à la compagnie de bus de Valmore.",
      ["q.confirm"] = "Quelqu'un peut-il confirmer votre identité ?",
      ["a.confirm"] = "Ma compagne, Claire, et mon responsable au dépôt. Je peux vous donner leurs numéros.",
    },
    ar = {
      title = "لا شيء سوى محضر شرطة",
      summary = "رجل يقول إنه من يوتوبيا يصل بلا أي وثيقة بعد سرقة في الخارج.",
      why = "لا وثيقة: تحقّق من هويته بالمقابلة (الاسم، وتاريخ الميلاد ومكانه، والعنوان، وأشخاص يمكنهم التأكيد) وأحِله إلى الخط الثاني لمطابقتها مع السجلات. لا يجوز منع مواطن من دخول بلده، فلا ترفض دخوله؛ ولكن لا تسمح له بالدخول بناءً على كلامه وحده أيضًا.",
      ["carries.consulate_letter"] = "رسالة من قنصلية يوتوبيا في نوردهافن",
      ["q.name"] = "ما اسمك الكامل؟",
      ["a.name"] = "ماتيو كونفال.",
      ["q.birth"] = "متى وأين وُلدت؟",
      ["a.birth"] = "في الثالث من مارس ١٩٨٨، في فالمور.",
      ["q.lost"] = "ماذا حدث لوثائقك؟",
      ["a.lost"] = "سُرقت محفظتي في قطار في نوردافيا قبل ثلاثة أيام، وفيها جوازي وبطاقة هويتي. أبلغت الشرطة؛ هذا هو المحضر.",
      ["q.board"] = "كيف سُمح لك بالصعود إلى الطائرة؟",
      ["a.board"] = "أعطتني قنصليتنا في نوردهافن هذه الرسالة. لم يتمكّنوا من إصدار جواز طارئ قبل رحلتي، لكن شركة الطيران قبلت الرسالة.",
      ["q.address"] = "ما عنوانك في يوتوبيا؟",
      ["a.address"] = "١٤ شارع الدبّاغين، فالمور. أعيش هناك مع شريكتي كلير.",
      ["q.number"] = "هل تعرف رقم بطاقة هويتك؟",
      ["a.number"] = "ليس عن ظهر قلب، آسف. كانت في المحفظة نفسها. لدى صاحب عملي كل بياناتي: شركة حافلات فالمور، أنا سائق.",
      ["q.confirm"] = "هل يمكن لأحد أن يؤكّد هويتك؟",
      ["a.confirm"] = "شريكتي كلير، ومديري في المستودع. يمكنني أن أعطيك رقميهما.",
    },
  },
}
