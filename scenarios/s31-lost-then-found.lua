-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s31-lost-then-found.lua
-- Key facts: JONAS VERHAEGEN, a Utopian citizen, reported his passport lost
-- in March 2026; in April he found it in a coat and has travelled on it since,
-- not knowing that a passport reported lost is cancelled. The SLTD search
-- answers on its number: lost, reported by Utopia, action seize. He is its
-- holder (the face, the chip and his answers agree). Expected: admit (a
-- citizen may always enter his own country, ICCPR 12(4); his identity is
-- verified), the cancelled passport seized and he is told to apply for a new
-- one. A referral to second line is accepted as cautious. The exception for a
-- citizen who found his own passport is built in (admitted_on_listed_document
-- does not apply).
return scenario {
  id = "s31-lost-then-found",
  title = "title",
  summary = "summary",
  competencies = { "procedure", "human_rights", "interview" },
  situations = {},
  difficulty = 2,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",
  place = "airport",

  traveler = {
    age = 41, sex = "M",
    speaks = { "en", "fr" },
    companion = false,
    status = "citizen",
    carries = { "carries.suitcase" },
  },

  documents = {
    { template = "uto-passport-td3", seed = 31001,
      holder = { surname = "VERHAEGEN", given_names = "JONAS", birth_date = "1985-01-22" } },
  },

  -- his own passport, reported lost by Utopia and found again: the record stands
  checks = {
    { list = "sltd", category = "lost", action = "seize", match = "document_number",
      reporting = "UTO", found = true },
  },

  questions = {
    { id = "trip", text = "q.trip", answer = "a.trip" },
    { id = "birth", text = "q.birth", answer = "a.birth" },
    { id = "address", text = "q.address", answer = "a.address" },
    { id = "lost", text = "q.lost", answer = "a.lost" },
    { id = "found", text = "q.found", after = "lost", answer = "a.found" },
    { id = "tell", text = "q.tell", after = "lost", answer = "a.tell" },
  },

  expected = {
    decision = "admit",
    accept = { "second_line" },
    findings = {},
    ask = { "birth", "address", "lost", "found", "tell" },
    lights = { "uv" },
    why = "why",
  },
  rubric = { document_examination = 20, interview = 25, human_rights = 25, procedure = 30 },

  strings = {
    en = {
      title = "Lost, then found",
      summary = "A Utopian comes home on the passport he reported lost in March.",
      why = "A passport reported lost is cancelled, and a listed document is seized even when its holder found it again. But its holder is still a citizen, and a citizen may always enter his own country: verify that he is the holder (face, chip, his answers), seize the passport, tell him why and that he must apply for a new one, and admit him. Refusing him would breach ICCPR art. 12(4).",
      ["carries.suitcase"] = "A suitcase and a bag of duty-free chocolate",
      ["q.trip"] = "Where are you coming from?",
      ["a.trip"] = "Nordhaven. A week at my sister's; her son was christened on Sunday.",
      ["q.birth"] = "When and where were you born?",
      ["a.birth"] = "The twenty-second of January 1985, in Valmore.",
      ["q.address"] = "What is your address?",
      ["a.address"] = "7 Orchard Lane, Valmore. I have lived there for ten years.",
      ["q.lost"] = "Have you ever reported this passport lost or stolen?",
      ["a.lost"] = "Ah... yes. In March I couldn't find it anywhere, so I declared it lost at the town hall.",
      ["q.found"] = "How do you have it now?",
      ["a.found"] = "In April it turned up in the lining of a winter coat. I thought that was the end of it, so I travelled on it. Nobody said anything when I left.",
      ["q.tell"] = "A reported passport is cancelled: I keep it. Apply for a new one.",
      ["a.tell"] = "Oh. I didn't know that. (He sighs.) Fine; I'll go to the town hall tomorrow. Can I go home now?",
    },
    fr = {
      title = "Perdu, puis retrouvé",
      summary = "Un Utopien rentre avec le passeport qu'il a déclaré perdu en mars.",
      why = "Un passeport déclaré perdu est annulé, et un document signalé se saisit même si son titulaire l'a retrouvé. Mais son titulaire reste un citoyen, et un citoyen peut toujours entrer dans son propre pays : vérifiez qu'il en est le titulaire (visage, puce, ses réponses), saisissez le passeport, expliquez-lui pourquoi et qu'il doit en demander un nouveau, et admettez-le. Le refuser violerait l'article 12(4) du PIDCP.",
      ["carries.suitcase"] = "Une valise et un sac de chocolats hors taxes",
      ["q.trip"] = "D'où venez-vous ?",
      ["a.trip"] = "De Nordhaven. Une semaine chez ma sœur ; son fils a été baptisé dimanche.",
      ["q.birth"] = "Quand et où êtes-vous né ?",
      ["a.birth"] = "Le vingt-deux janvier 1985, à Valmore.",
      ["q.address"] = "Quelle est votre adresse ?",
      ["a.address"] = "7, allée des Vergers, à Valmore. J'y habite depuis dix ans.",
      ["q.lost"] = "Avez-vous déjà déclaré ce passeport perdu ou volé ?",
      ["a.lost"] = "Ah... oui. En mars je ne le trouvais plus nulle part, alors je l'ai déclaré perdu à la mairie.",
      ["q.found"] = "Comment l'avez-vous maintenant ?",
      ["a.found"] = "En avril il est réapparu dans la doublure d'un manteau d'hiver. Je pensais que c'était réglé, alors j'ai voyagé avec. Personne n'a rien dit au départ.",
      ["q.tell"] = "Passeport déclaré, donc annulé : je le garde. Refaites-en un.",
      ["a.tell"] = "Ah. Je ne savais pas. (Il soupire.) Bon, j'irai à la mairie demain. Je peux rentrer chez moi ?",
    },
    ar = {
      title = "ضاع ثم وُجد",
      summary = "مواطن من يوتوبيا يعود بالجواز الذي أبلغ عن فقدانه في مارس.",
      why = "الجواز المُبلَّغ عن فقدانه يُلغى، والوثيقة المدرجة تُحجز حتى لو وجدها صاحبها. لكن صاحبها يبقى مواطنًا، ويحقّ للمواطن دائمًا دخول بلده: تحقّق من أنه صاحب الجواز (الوجه، والشريحة، وأجوبته)، واحجز الجواز، واشرح له السبب وأن عليه طلب جواز جديد، واسمح له بالدخول. رفض دخوله يخالف المادة ١٢(٤) من العهد الدولي الخاص بالحقوق المدنية والسياسية.",
      ["carries.suitcase"] = "حقيبة سفر وكيس شوكولاتة من السوق الحرة",
      ["q.trip"] = "من أين أنت قادم؟",
      ["a.trip"] = "من نوردهافن. أسبوع عند أختي؛ عُمِّد ابنها يوم الأحد.",
      ["q.birth"] = "متى وأين وُلدت؟",
      ["a.birth"] = "في الثاني والعشرين من يناير ١٩٨٥، في فالمور.",
      ["q.address"] = "ما عنوانك؟",
      ["a.address"] = "٧ زقاق البساتين، فالمور. أسكن هناك منذ عشر سنوات.",
      ["q.lost"] = "هل أبلغت يومًا عن فقدان هذا الجواز أو سرقته؟",
      ["a.lost"] = "آه... نعم. في مارس لم أجده في أي مكان، فأبلغت عن فقدانه في البلدية.",
      ["q.found"] = "كيف صار معك الآن؟",
      ["a.found"] = "في أبريل ظهر في بطانة معطف شتوي. ظننت أن الأمر انتهى، فسافرت به. لم يقل لي أحد شيئًا عند المغادرة.",
      ["q.tell"] = "الجواز المُبلَّغ عنه ملغى: سأحتفظ به. اطلب جوازًا جديدًا.",
      ["a.tell"] = "آه. لم أكن أعرف. (يتنهّد.) حسنًا، سأذهب إلى البلدية غدًا. هل يمكنني العودة إلى بيتي الآن؟",
    },
  },
}
