-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s24-dead-chip.lua
-- A retired teacher from Wahat comes to her daughter's graduation. Her
-- passport is genuine, seven years old, and was bent last winter: its chip
-- no longer answers the reader. Everything else is in order. A chip that
-- fails is not a forgery by itself: the desk examines the document by hand,
-- as before chips, and admits her.
return scenario {
  id = "s24-dead-chip",
  title = "title",
  summary = "summary",
  competencies = { "document_examination", "interview", "human_rights" },
  situations = {},
  difficulty = 2,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",
  place = "airport",

  traveler = {
    age = 55, sex = "F",
    speaks = { "ar", "fr" },
    impostor = 0,
    companion = false,
    carries = { "carries.flowers" },
  },

  documents = {
    -- issued 2019-05-17; its chip does not answer
    { template = "qwh-passport-td3", seed = 24002,
      holder = { surname = "SAMARA", given_names = "HUDA", birth_date = "1971-02-20",
                 place_of_birth = "EL QASRA" },
      chip = { defect = "dead" } },
    { template = "uto-visa-mrva", seed = 24003, same_holder = true,
      visa = { category = "C", entries = "1", duration_days = 15 } },
  },

  questions = {
    { id = "purpose", text = "q.purpose", answer = "a.purpose" },
    { id = "length", text = "q.length", answer = "a.length" },
    { id = "stay", text = "q.stay", after = "purpose", answer = "a.stay" },
    { id = "damage", text = "q.damage", after = { opened = 1 }, answer = "a.damage" },
    { id = "before", text = "q.before", answer = "a.before" },
    { id = "return", text = "q.return", answer = "a.return" },
  },

  expected = {
    decision = "admit",
    -- a referral for a closer look at a document whose chip cannot help is cautious, not wrong
    accept = { "second_line" },
    findings = {},
    ask = { "purpose", "length", "damage" },
    -- without the chip, the document is examined by hand: UV, IR and the face
    lights = { "uv", "ir" },
    steps = { "face", "altered" },
    why = "why",
    critical = {
      { when = { decision = "refuse" }, reason = "crit.refused_dead_chip" },
    },
  },
  rubric = { document_examination = 45, interview = 20, human_rights = 15, procedure = 20 },

  strings = {
    en = {
      title = "The chip is silent",
      summary = "A bona fide visitor whose genuine passport's chip no longer answers the reader.",
      why = "The chip does not answer, but the passport is genuine: under UV, IR and the loupe its features are the genuine document's, the photo is hers, her visa and story agree. A dead chip is not a forgery by itself (chips break; this one was bent): examine the document by hand and admit her. A referral for a closer look is acceptable; refusing her for the chip alone is not.",
      ["crit.refused_dead_chip"] = "You refused a genuine traveler because her passport's chip did not answer. A dead chip is not a forgery by itself: the document is examined without it.",
      ["carries.flowers"] = "A bouquet in cellophane and a small suitcase",
      ["q.purpose"] = "What is the purpose of your visit?",
      ["a.purpose"] = "My daughter's graduation in Lindor. She has finished her engineering degree; the ceremony is on Saturday.",
      ["q.length"] = "How long will you stay?",
      ["a.length"] = "Ten days. After the ceremony she wants to show me the city, and then I fly home.",
      ["q.stay"] = "Where will you stay?",
      ["a.stay"] = "With my daughter, in her flat near the university. Here is the address.",
      ["q.damage"] = "Has anything happened to your passport?",
      ["a.damage"] = "(She turns it over in her hands.) My grandson sat on my handbag in the winter; it has been bent ever since. Is that a problem?",
      ["q.before"] = "Have you been to Utopia before?",
      ["a.before"] = "Twice, for my daughter: when she started, and last summer.",
      ["q.return"] = "When do you go back?",
      ["a.return"] = "On the eleventh. Here is my ticket.",
    },
    fr = {
      title = "La puce reste muette",
      summary = "Une visiteuse de bonne foi dont la puce du passeport authentique ne répond plus au lecteur.",
      why = "La puce ne répond pas, mais le passeport est authentique : sous UV, en IR et à la loupe, ses éléments sont ceux du document authentique, la photo est la sienne, son visa et son récit concordent. Une puce muette n'est pas à elle seule un faux (les puces cassent ; celle-ci a été pliée) : examinez le document à la main et admettez-la. Une orientation pour examen est acceptable ; la refuser pour la seule puce ne l'est pas.",
      ["crit.refused_dead_chip"] = "Vous avez refusé une voyageuse de bonne foi parce que la puce de son passeport ne répondait pas. Une puce muette n'est pas à elle seule un faux : on examine le document sans elle.",
      ["carries.flowers"] = "Un bouquet sous cellophane et une petite valise",
      ["q.purpose"] = "Quel est le but de votre séjour ?",
      ["a.purpose"] = "La remise de diplôme de ma fille à Lindor. Elle a fini ses études d'ingénieure ; la cérémonie est samedi.",
      ["q.length"] = "Combien de temps allez-vous rester ?",
      ["a.length"] = "Dix jours. Après la cérémonie, elle veut me faire visiter la ville, puis je rentre.",
      ["q.stay"] = "Où allez-vous loger ?",
      ["a.stay"] = "Chez ma fille, dans son appartement près de l'université. Voici l'adresse.",
      ["q.damage"] = "Est-il arrivé quelque chose à votre passeport ?",
      ["a.damage"] = "(Elle le retourne entre ses mains.) Mon petit-fils s'est assis sur mon sac cet hiver ; il est plié depuis. C'est un problème ?",
      ["q.before"] = "Êtes-vous déjà venue en Utopie ?",
      ["a.before"] = "Deux fois, pour ma fille : à son arrivée, et l'été dernier.",
      ["q.return"] = "Quand repartez-vous ?",
      ["a.return"] = "Le onze. Voici mon billet.",
    },
    ar = {
      title = "الشريحة صامتة",
      summary = "زائرة حسنة النية لم تعد شريحة جوازها الأصلي تستجيب للقارئ.",
      why = "الشريحة لا تستجيب، لكن الجواز أصلي: تحت الأشعة فوق البنفسجية وتحت الحمراء وبالعدسة عناصره عناصر الوثيقة الأصلية، والصورة صورتها، وتأشيرتها وروايتها متّسقتان. تعطّل الشريحة ليس وحده تزويرًا (الشرائح تتلف، وهذه انثنت): افحص الوثيقة يدويًا واسمح لها بالدخول. الإحالة لفحص أدق مقبولة؛ أما رفضها بسبب الشريحة وحدها فلا.",
      ["crit.refused_dead_chip"] = "رفضت دخول مسافرة حسنة النية لأن شريحة جوازها لم تستجب. الشريحة المعطّلة ليست وحدها دليل تزوير: تُفحص الوثيقة من دونها.",
      ["carries.flowers"] = "باقة ورد في غلاف شفاف وحقيبة صغيرة",
      ["q.purpose"] = "ما الغرض من زيارتك؟",
      ["a.purpose"] = "حفل تخرّج ابنتي في ليندور. أنهت دراسة الهندسة، والحفل يوم السبت.",
      ["q.length"] = "كم ستبقين؟",
      ["a.length"] = "عشرة أيام. بعد الحفل تريد أن تُريني المدينة، ثم أعود.",
      ["q.stay"] = "أين ستقيمين؟",
      ["a.stay"] = "عند ابنتي، في شقتها قرب الجامعة. هذا هو العنوان.",
      ["q.damage"] = "هل حدث شيء لجواز سفرك؟",
      ["a.damage"] = "(تقلّبه بين يديها.) جلس حفيدي على حقيبة يدي في الشتاء، وهو منثنٍ منذ ذلك الحين. هل هذه مشكلة؟",
      ["q.before"] = "هل زرتِ يوتوبيا من قبل؟",
      ["a.before"] = "مرتين، من أجل ابنتي: عندما بدأت دراستها، وفي الصيف الماضي.",
      ["q.return"] = "متى ستعودين؟",
      ["a.return"] = "في الحادي عشر. هذه تذكرتي.",
    },
  },
}
