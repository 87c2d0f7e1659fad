-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s23-cloned-chip.lua
-- A Utopian passport whose printed page is his, and passes every lamp (a
-- genuine blank booklet, stolen and personalised for him, most likely), but
-- whose chip is a clone of another genuine Utopian passport: its data
-- (DG1) and portrait (DG2) are another holder's, genuinely signed, so
-- passive authentication passes; chip authentication fails, since a copy
-- cannot prove the original chip's private key.
return scenario {
  id = "s23-cloned-chip",
  title = "title",
  summary = "summary",
  competencies = { "document_examination", "interview" },
  situations = {},
  difficulty = 4,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",
  place = "airport",

  traveler = {
    age = 40, sex = "M",
    speaks = { "en", "fr" },
    impostor = 0,
    companion = false,
    carries = { "carries.jacket" },
  },

  documents = {
    { template = "uto-passport-td3", seed = 23006,
      holder = { surname = "KARAVIS", given_names = "MATEO", birth_date = "1985-07-09",
                 place_of_birth = "SAINT-ILLE" },
      chip = { defect = "cloned" } },
  },

  questions = {
    { id = "from", text = "q.from", answer = "a.from" },
    { id = "live", text = "q.live", answer = "a.live" },
    { id = "birth", text = "q.birth", answer = "a.birth" },
    { id = "born", text = "q.born", answer = "a.born" },
    { id = "issued", text = "q.issued", after = { opened = 1 }, answer = "a.issued" },
    { id = "person", text = "q.person", after = "issued", answer = "a.person" },
  },

  expected = {
    decision = "second_line",
    findings = {},
    ask = { "birth", "issued", "person" },
    lights = { "uv" },
    -- the chip's data against the page and its MRZ: consistency (C)
    steps = { "consistency" },
    why = "why",
  },
  rubric = { document_examination = 65, interview = 20, human_rights = 5, procedure = 10 },

  strings = {
    en = {
      title = "Someone else's chip",
      summary = "A Utopian passport that passes every lamp, whose chip holds another person's data and photo.",
      why = "The page passes the lamps, but the chip is not this passport's: its data (DG1) and portrait (DG2) are another Utopian's. Genuinely signed, they pass passive authentication; chip authentication fails, as a copy cannot prove the original's key. A cloned chip in a passport made out to him: refer him to second line. A valid signature proves the data genuine, not that the chip belongs to the booklet.",
      ["carries.jacket"] = "A leather jacket over his arm, the passport in its inside pocket",
      ["q.from"] = "Where are you travelling from?",
      ["a.from"] = "From Nordhaven. A long weekend at my sister's.",
      ["q.live"] = "Where do you live?",
      ["a.live"] = "In Lindor. I drive a delivery van for a bakery.",
      ["q.birth"] = "What is your date of birth?",
      ["a.birth"] = "The ninth of July, 1985.",
      ["q.born"] = "Where were you born?",
      ["a.born"] = "In Saint-Ille.",
      ["q.issued"] = "Where was this passport issued?",
      ["a.issued"] = "At the town hall in Lindor. Three years ago, for my first trip to my sister's. Why?",
      ["q.person"] = "Did you apply for it in person?",
      ["a.person"] = "(He rubs his neck.) An agency did the paperwork; I only collected it. It cost more, but it was quick. They said it was all official.",
    },
    fr = {
      title = "La puce d'un autre",
      summary = "Un passeport utopien qui passe toutes les lampes, dont la puce contient les données et la photo d'une autre personne.",
      why = "La page passe les lampes, mais la puce n'est pas celle de ce passeport : ses données (DG1) et son portrait (DG2) sont ceux d'un autre Utopien. Authentiquement signés, ils passent l'authentification passive ; l'authentification de la puce échoue, une copie ne pouvant prouver la clé de l'original. Une puce clonée dans un passeport établi à son nom : deuxième ligne. Une signature valide prouve les données, pas que la puce appartient au livret.",
      ["carries.jacket"] = "Une veste en cuir sur le bras, le passeport dans la poche intérieure",
      ["q.from"] = "D'où arrivez-vous ?",
      ["a.from"] = "De Nordhaven. Un long week-end chez ma sœur.",
      ["q.live"] = "Où habitez-vous ?",
      ["a.live"] = "À Lindor. Je conduis une camionnette de livraison pour une boulangerie.",
      ["q.birth"] = "Quelle est votre date de naissance ?",
      ["a.birth"] = "Le neuf juillet 1985.",
      ["q.born"] = "Où êtes-vous né ?",
      ["a.born"] = "À Saint-Ille.",
      ["q.issued"] = "Où ce passeport a-t-il été délivré ?",
      ["a.issued"] = "À la mairie de Lindor. Il y a trois ans, pour mon premier voyage chez ma sœur. Pourquoi ?",
      ["q.person"] = "L'avez-vous demandé en personne ?",
      ["a.person"] = "(Il se frotte la nuque.) Une agence s'est occupée des papiers ; je suis seulement allé le chercher. C'était plus cher, mais rapide. Ils m'ont dit que tout était officiel.",
    },
    ar = {
      title = "شريحة شخص آخر",
      summary = "جواز سفر من يوتوبيا ينجح تحت كل المصابيح، وشريحته تحمل بيانات شخص آخر وصورته.",
      why = "الصفحة تنجح تحت المصابيح، لكن الشريحة ليست شريحة هذا الجواز: بياناتها (DG1) وصورتها (DG2) لمواطن آخر من يوتوبيا. ولأنها موقّعة توقيعًا أصليًا ينجح التحقق السلبي، ويفشل التحقق من الشريحة لأن النسخة لا تثبت مفتاح الأصل. شريحة مستنسخة في جواز باسمه: أحِله إلى الخط الثاني. التوقيع الصحيح يثبت البيانات، لا أن الشريحة تخص الدفتر.",
      ["carries.jacket"] = "سترة جلدية على ذراعه، والجواز في جيبها الداخلي",
      ["q.from"] = "من أين أنت قادم؟",
      ["a.from"] = "من نوردهافن. عطلة نهاية أسبوع طويلة عند أختي.",
      ["q.live"] = "أين تسكن؟",
      ["a.live"] = "في ليندور. أقود شاحنة توصيل لمخبز.",
      ["q.birth"] = "ما تاريخ ميلادك؟",
      ["a.birth"] = "التاسع من يوليو ١٩٨٥.",
      ["q.born"] = "أين وُلدت؟",
      ["a.born"] = "في سانت-إيل.",
      ["q.issued"] = "أين صدر هذا الجواز؟",
      ["a.issued"] = "في بلدية ليندور. قبل ثلاث سنوات، لرحلتي الأولى إلى أختي. لماذا؟",
      ["q.person"] = "هل قدّمت طلبه بنفسك؟",
      ["a.person"] = "(يفرك رقبته.) وكالة تولّت الأوراق؛ أنا استلمته فقط. كان أغلى، لكنه كان سريعًا. قالوا إن كل شيء رسمي.",
    },
  },
}
