-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s27-injured-finger.lua
-- A Wahati carpenter comes to meet his first grandson. Genuine documents, a
-- consistent purpose. His fingerprints are taken for the entry system: his
-- right index finger is bandaged (a chisel, four days ago, three stitches)
-- and his carpenter's skin is dry, so the prints come out faint until they
-- are recaptured. The injured finger is recorded as an exception and
-- another taken; an injured finger is never a reason to refuse.
return scenario {
  id = "s27-injured-finger",
  title = "title",
  summary = "summary",
  competencies = { "procedure", "human_rights", "interview" },
  situations = {},
  difficulty = 2,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",
  place = "airport",

  traveler = {
    age = 63, sex = "M",
    speaks = { "ar", "fr" },
    impostor = 0,
    companion = false,
    needs = "needs.bandage",
    -- dry skin: faint prints until recaptured; the right index cannot be taken
    fingers = { skin = "dry", injured = "right_index", mark = true },
    carries = { "carries.baby_clothes" },
  },

  documents = {
    { template = "qwh-passport-td3", seed = 27001,
      holder = { surname = "ATTIA", given_names = "RACHID", birth_date = "1962-08-25",
                 place_of_birth = "WADI SAFRA" } },
    { template = "uto-visa-mrva", seed = 27002, same_holder = true,
      visa = { category = "C", entries = "1", duration_days = 45 } },
  },

  questions = {
    { id = "purpose", text = "q.purpose", answer = "a.purpose" },
    { id = "length", text = "q.length", answer = "a.length" },
    { id = "finger", text = "q.finger", answer = "a.finger" },
    { id = "fingers", text = "q.fingers", answer = "a.fingers" },
    { id = "unwrap", text = "q.unwrap", after = "fingers", answer = "a.unwrap" },
    { id = "moisten", text = "q.moisten", after = "fingers", answer = "a.moisten" },
    { id = "return", text = "q.return", answer = "a.return" },
  },

  expected = {
    decision = "admit",
    findings = {},
    ask = { "purpose", "length", "finger" },
    lights = { "uv" },
    why = "why",
  },
  rubric = { document_examination = 25, interview = 20, human_rights = 20, procedure = 35 },

  strings = {
    en = {
      title = "Three stitches",
      summary = "A grandfather on a family visit whose right index finger is bandaged when his fingerprints are taken.",
      why = "A bona fide visitor: genuine documents, a consistent purpose. Record the bandaged finger as an exception (injured, for now) and take another; his dry carpenter's skin needs a recapture, moistened, until the print is good enough. A missing or injured finger is never a reason to refuse: refusing for it is discrimination. Do not make him unwrap a fresh wound for a print.",
      ["needs.bandage"] = "A thick bandage on his right index finger",
      ["carries.baby_clothes"] = "A bag of baby clothes and a wooden rattle",
      ["q.purpose"] = "What is the purpose of your visit?",
      ["a.purpose"] = "My daughter had a boy two weeks ago, in Valmore. My first grandson. I made him a rattle.",
      ["q.length"] = "How long will you stay?",
      ["a.length"] = "One month. My wife comes next week; she had to finish her work.",
      ["q.finger"] = "What happened to your finger?",
      ["a.finger"] = "A chisel slipped in my workshop, four days ago. Three stitches. The doctor said to keep the bandage on for a week.",
      ["q.fingers"] = "Please place your fingers on the scanner.",
      ["a.fingers"] = "(He puts his left hand down, then looks at the bandage.) This one too? It still hurts.",
      ["q.unwrap"] = "Could you take the bandage off?",
      ["a.unwrap"] = "If I must... The doctor said not to. (He starts to unwind it, wincing; there is blood on the gauze.)",
      ["q.moisten"] = "Rub your fingertips on your forehead and try again.",
      ["a.moisten"] = "(He rubs his fingertips and presses again.) Carpenter's hands. The machines never like them.",
      ["q.return"] = "When do you go back?",
      ["a.return"] = "At the beginning of July, with my wife. Our tickets are booked.",
    },
    fr = {
      title = "Trois points de suture",
      summary = "Un grand-père en visite familiale dont l'index droit est bandé au moment de la prise d'empreintes.",
      why = "Un visiteur de bonne foi : documents authentiques, motif cohérent. Enregistrez le doigt bandé comme exception (blessé, pour l'instant) et prenez-en un autre ; sa peau sèche de menuisier demande une nouvelle capture, doigts humidifiés, jusqu'à une qualité suffisante. Un doigt manquant ou blessé n'est jamais un motif de refus : refuser pour cela est une discrimination. Ne lui faites pas défaire le pansement d'une plaie récente pour une empreinte.",
      ["needs.bandage"] = "Un épais pansement à l'index droit",
      ["carries.baby_clothes"] = "Un sac de vêtements de bébé et un hochet en bois",
      ["q.purpose"] = "Quel est le but de votre séjour ?",
      ["a.purpose"] = "Ma fille a eu un garçon il y a deux semaines, à Valmore. Mon premier petit-fils. Je lui ai fabriqué un hochet.",
      ["q.length"] = "Combien de temps allez-vous rester ?",
      ["a.length"] = "Un mois. Ma femme arrive la semaine prochaine ; elle devait finir son travail.",
      ["q.finger"] = "Qu'est-il arrivé à votre doigt ?",
      ["a.finger"] = "Un ciseau à bois a glissé dans mon atelier, il y a quatre jours. Trois points de suture. Le médecin a dit de garder le pansement une semaine.",
      ["q.fingers"] = "Posez vos doigts sur le lecteur, s'il vous plaît.",
      ["a.fingers"] = "(Il pose la main gauche, puis regarde son pansement.) Celui-là aussi ? Il me fait encore mal.",
      ["q.unwrap"] = "Pourriez-vous retirer le pansement ?",
      ["a.unwrap"] = "S'il le faut... Le médecin a dit que non. (Il commence à le dérouler en grimaçant ; il y a du sang sur la gaze.)",
      ["q.moisten"] = "Frottez vos doigts sur votre front et recommencez.",
      ["a.moisten"] = "(Il se frotte le bout des doigts et appuie de nouveau.) Des mains de menuisier. Les machines ne les aiment jamais.",
      ["q.return"] = "Quand repartez-vous ?",
      ["a.return"] = "Début juillet, avec ma femme. Nos billets sont réservés.",
    },
    ar = {
      title = "ثلاث غرز",
      summary = "جدّ في زيارة عائلية سبّابته اليمنى مضمّدة عند أخذ بصماته.",
      why = "زائر حسن النية: وثائق أصلية وغرض متّسق. سجّل الإصبع المضمّد استثناءً (مصاب حاليًا) وخذ إصبعًا آخر؛ وجلده الجاف، جلد نجّار، يحتاج إلى إعادة الالتقاط بعد ترطيب الأصابع حتى تكفي جودة البصمة. الإصبع المفقود أو المصاب ليس أبدًا سببًا للرفض: الرفض بسببه تمييز. لا تطلب منه فكّ ضمادة جرح حديث من أجل بصمة.",
      ["needs.bandage"] = "ضمادة سميكة على سبّابته اليمنى",
      ["carries.baby_clothes"] = "كيس ملابس رضيع وخشخيشة خشبية",
      ["q.purpose"] = "ما الغرض من زيارتك؟",
      ["a.purpose"] = "رُزقت ابنتي بصبي قبل أسبوعين، في فالمور. أول حفيد لي. صنعت له خشخيشة.",
      ["q.length"] = "كم ستبقى؟",
      ["a.length"] = "شهرًا. تأتي زوجتي الأسبوع القادم؛ كان عليها أن تنهي عملها.",
      ["q.finger"] = "ماذا حدث لإصبعك؟",
      ["a.finger"] = "انزلق الإزميل في ورشتي قبل أربعة أيام. ثلاث غرز. قال الطبيب أن أُبقي الضمادة أسبوعًا.",
      ["q.fingers"] = "ضع أصابعك على الماسح من فضلك.",
      ["a.fingers"] = "(يضع يده اليسرى، ثم ينظر إلى الضمادة.) وهذه أيضًا؟ ما زالت تؤلمني.",
      ["q.unwrap"] = "هل يمكنك نزع الضمادة؟",
      ["a.unwrap"] = "إن كان لا بدّ... قال الطبيب لا. (يبدأ في فكّها متألّمًا؛ على الشاش دم.)",
      ["q.moisten"] = "افرك أطراف أصابعك على جبينك وحاول مرة أخرى.",
      ["a.moisten"] = "(يفرك أطراف أصابعه ويضغط مرة أخرى.) يدا نجّار. الأجهزة لا تحبّهما أبدًا.",
      ["q.return"] = "متى ستعود؟",
      ["a.return"] = "في بداية يوليو، مع زوجتي. تذاكرنا محجوزة.",
    },
  },
}
