-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s35-returnee-fear.lua
-- Key facts: ADNAN KHOURY, 38, a Wahati journalist, arrives at Valmore airport
-- on NA 412 with no travel document: his passport was stolen in Nordhaven
-- (the police's receipt) and the one a smuggler lent him for the flight was
-- taken back on board. He was detained for forty days in 2024 after writing
-- about the dam contracts in Wadi Safra, and was summoned again in April; he
-- fears return. Wahat's registry holds him (a match) and its consulate would
-- confirm him, but contacting the authorities of the state a person fears is
-- a critical error (built in: contacted_feared_state). Second line: no
-- search, no holding; screening reveals an asylum need. Expected final
-- decision at second line: protection, asylum (non-refoulement, Refugee
-- Convention art. 33), whatever his lack of documents.
return scenario {
  id = "s35-returnee-fear",
  title = "title",
  summary = "summary",
  competencies = { "human_rights", "interview", "procedure" },
  situations = { "fear_of_return" },
  difficulty = 4,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",
  place = "airport",

  traveler = {
    age = 38, sex = "M",
    speaks = { "ar", "en", "fr" },
    companion = false,
    carries = { "carries.notebooks" },
  },

  documents = {
    { template = "qnv-police-loss-report", seed = 35001,
      holder = { surname = "KHOURY", given_names = "ADNAN", birth_date = "1988-02-27",
                 place_of_birth = "EL QASRA", nationality = "QWH" },
      texts = { reported = "22 MAY 2026", items = "PASSPORT, PRESS CARD",
                incident = "THEFT OF A BAG AT NORDHAVEN CENTRAL STATION, 21 MAY 2026" } },
  },

  -- the registry of the state he fears: its consulate must not be contacted
  registry = { result = "match", state = "QWH", consulate = "confirm" },

  second_line = { search = false, hold = false, vulnerable = { "asylum" } },

  questions = {
    { id = "name", text = "q.name", answer = "a.name" },
    { id = "journey", text = "q.journey", answer = "a.journey" },
    { id = "work", text = "q.work", answer = "a.work" },
    { id = "detained", text = "q.detained", after = "work", answer = "a.detained" },
    { id = "fear", text = "q.fear", must = true, competency = "human_rights", answer = "a.fear" },
    { id = "consulate", text = "q.consulate", after = "fear", answer = "a.consulate" },
  },

  expected = {
    decision = "protection",
    protection = "asylum",
    findings = {},
    ask = { "name", "journey", "work", "detained", "fear" },
    why = "why",
  },
  rubric = { document_examination = 5, interview = 30, human_rights = 45, procedure = 20 },

  strings = {
    en = {
      title = "Not my consulate",
      summary = "A Wahati journalist without a travel document, detained before at home, says he fears return.",
      why = "He says he fears persecution in Wahat (a journalist detained before, summoned again): refer him to the asylum procedure; non-refoulement holds whatever his lack of documents. His identity is established here, by interview and at second line, never by contacting the authorities of the state he fears: asking Wahat's consulate to identify him would tell them where he is and endanger him and his family. No search and no holding are needed.",
      ["carries.notebooks"] = "Two notebooks full of handwriting, a folded newspaper page",
      ["q.name"] = "What is your full name?",
      ["a.name"] = "Adnan Khoury. Born the twenty-seventh of February 1988, in El Qasra.",
      ["q.journey"] = "How did you travel here without a passport?",
      ["a.journey"] = "My bag was stolen in Nordhaven, with my passport; here is the police report. A man sold me a seat and a passport for the flight, and took it back on the plane.",
      ["q.work"] = "What is your work?",
      ["a.work"] = "I am a journalist, at Al-Wadi weekly in El Qasra. I wrote about the contracts for the Wadi Safra dam: who got the money.",
      ["q.detained"] = "Have you had trouble because of your work?",
      ["a.detained"] = "In 2024 they held me forty days without a charge. In April they summoned me again; my editor told me to leave that night.",
      ["q.fear"] = "What do you fear if you go back to Wahat?",
      ["a.fear"] = "Prison, or worse. A colleague who was summoned in April has not come home. I am asking you for protection.",
      ["q.consulate"] = "Can your consulate confirm who you are?",
      ["a.consulate"] = "(He goes pale.) Please, no. If the consulate knows I am here, my brother will pay for it. Ask me anything else.",
    },
    fr = {
      title = "Pas mon consulat",
      summary = "Un journaliste de Wahat sans document de voyage, déjà détenu chez lui, dit craindre le retour.",
      why = "Il dit craindre la persécution à Wahat (un journaliste déjà détenu, convoqué de nouveau) : orientez-le vers la procédure d'asile ; le non-refoulement vaut quelle que soit l'absence de documents. Son identité s'établit ici, par l'entretien et en deuxième ligne, jamais en contactant les autorités de l'État qu'il craint : demander au consulat de Wahat de l'identifier leur dirait où il se trouve et le mettrait en danger, lui et sa famille. Ni fouille ni retenue ne sont nécessaires.",
      ["carries.notebooks"] = "Deux carnets couverts d'écriture, une page de journal pliée",
      ["q.name"] = "Quels sont vos nom et prénom ?",
      ["a.name"] = "Adnan Khoury. Né le vingt-sept février 1988, à El Qasra.",
      ["q.journey"] = "Comment avez-vous voyagé sans passeport ?",
      ["a.journey"] = "On m'a volé mon sac à Nordhaven, avec mon passeport ; voici la déclaration de police. Un homme m'a vendu une place et un passeport pour le vol, et l'a repris dans l'avion.",
      ["q.work"] = "Quel est votre métier ?",
      ["a.work"] = "Je suis journaliste, à l'hebdomadaire Al-Wadi d'El Qasra. J'ai écrit sur les contrats du barrage de Wadi Safra : qui a touché l'argent.",
      ["q.detained"] = "Avez-vous eu des ennuis à cause de votre travail ?",
      ["a.detained"] = "En 2024 on m'a détenu quarante jours sans inculpation. En avril on m'a convoqué de nouveau ; mon rédacteur en chef m'a dit de partir le soir même.",
      ["q.fear"] = "Que craignez-vous si vous rentrez à Wahat ?",
      ["a.fear"] = "La prison, ou pire. Un collègue convoqué en avril n'est jamais rentré chez lui. Je vous demande une protection.",
      ["q.consulate"] = "Votre consulat peut-il confirmer votre identité ?",
      ["a.consulate"] = "(Il pâlit.) Non, je vous en prie. Si le consulat sait que je suis ici, mon frère le paiera. Demandez-moi n'importe quoi d'autre.",
    },
    ar = {
      title = "ليست قنصليتي",
      summary = "صحفي من الواحات بلا وثيقة سفر، احتُجز من قبل في بلده، يقول إنه يخاف العودة.",
      why = "يقول إنه يخشى الاضطهاد في الواحات (صحفي احتُجز من قبل واستُدعي مجددًا): أحِله إلى إجراءات اللجوء؛ فمبدأ عدم الإعادة القسرية قائم مهما كان نقص وثائقه. تُثبَت هويته هنا، بالمقابلة وفي الخط الثاني، ولا يجوز أبدًا الاتصال بسلطات الدولة التي يخشاها: أن تطلب من قنصلية الواحات التعرّف عليه يخبرهم بمكانه ويعرّضه هو وعائلته للخطر. لا حاجة إلى تفتيش ولا إلى احتجاز.",
      ["carries.notebooks"] = "دفتران مليئان بالكتابة، وصفحة جريدة مطويّة",
      ["q.name"] = "ما اسمك الكامل؟",
      ["a.name"] = "عدنان خوري. مولود في السابع والعشرين من فبراير ١٩٨٨، في القصرة.",
      ["q.journey"] = "كيف سافرت إلى هنا بلا جواز؟",
      ["a.journey"] = "سُرقت حقيبتي في نوردهافن وفيها جوازي؛ هذا محضر الشرطة. باعني رجل مقعدًا وجوازًا للرحلة، ثم استردّه في الطائرة.",
      ["q.work"] = "ما عملك؟",
      ["a.work"] = "أنا صحفي في أسبوعية الوادي في القصرة. كتبت عن عقود سدّ وادي صفرة: من أخذ المال.",
      ["q.detained"] = "هل واجهت مشاكل بسبب عملك؟",
      ["a.detained"] = "في ٢٠٢٤ احتجزوني أربعين يومًا بلا تهمة. وفي أبريل استدعوني مجددًا؛ قال لي رئيس التحرير أن أغادر تلك الليلة.",
      ["q.fear"] = "ما الذي تخشاه إن عدت إلى الواحات؟",
      ["a.fear"] = "السجن، أو ما هو أسوأ. زميل استُدعي في أبريل لم يعد إلى بيته. أطلب منكم الحماية.",
      ["q.consulate"] = "هل تستطيع قنصليتك أن تؤكّد هويتك؟",
      ["a.consulate"] = "(يشحب وجهه.) أرجوك، لا. إن عرفت القنصلية أنني هنا فسيدفع أخي الثمن. اسألني أي شيء آخر.",
    },
  },
}
