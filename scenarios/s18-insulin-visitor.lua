-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s18-insulin-visitor.lua
-- A retired engineer from Wahat, diabetic on insulin, arrives after a delayed
-- flight with low blood sugar: pale, sweating, confused. Until he has had
-- something sweet his answers make little sense. Genuine documents.
return scenario {
  id = "s18-insulin-visitor",
  title = "title",
  summary = "summary",
  competencies = { "human_rights", "interview", "procedure" },
  situations = { "disability_medical" },
  difficulty = 2,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",

  traveler = {
    age = 68, sex = "M",
    speaks = { "ar", "en" },
    impostor = 0,
    companion = false,
    needs = "needs.hypo",
    carries = { "carries.cool_bag" },
  },

  documents = {
    { template = "qwh-passport-td3", seed = 18001 },
    { template = "uto-visa-mrva", seed = 18002, same_holder = true },
  },

  questions = {
    { id = "unwell", text = "q.unwell", answer = "a.unwell", competency = "human_rights" },
    { id = "sugar", text = "q.sugar", after = "unwell", answer = "a.sugar" },
    { id = "bag", text = "q.bag", answer = "a.bag" },
    { id = "purpose", text = "q.purpose",
      answer = {
        { when = { not_asked = "sugar" }, say = "a.purpose_confused" },
        { say = "a.purpose" },
      } },
    { id = "length", text = "q.length",
      answer = {
        { when = { not_asked = "sugar" }, say = "a.length_confused" },
        { say = "a.length" },
      } },
  },

  expected = {
    decision = "admit",
    findings = {},
    ask = { "unwell", "sugar", "purpose" },
    lights = { "uv" },
    why = "why",
  },
  rubric = { document_examination = 20, interview = 25, human_rights = 35, procedure = 20 },

  strings = {
    en = {
      title = "Low sugar",
      summary = "A diabetic visitor arrives with low blood sugar after a delayed flight.",
      why = "Attend to the medical need first: low blood sugar is an emergency, and insulin and needles are medicines he must keep with him. Once he has recovered, his genuine passport, valid visa and consistent purpose mean admit; the illness is never a reason to refuse.",
      ["needs.hypo"] = "Pale, sweating, trembling",
      ["carries.cool_bag"] = "A cool bag with a pharmacy label",
      ["q.unwell"] = "Are you feeling all right, sir?",
      ["a.unwell"] = "Not really... I'm diabetic, I take insulin. The flight was delayed and I didn't eat. I think my sugar is low.",
      ["q.sugar"] = "Please sit. Do you have something sweet?",
      ["a.sugar"] = "Yes, juice, in the bag... (He drinks it.) Thank you. Give me five minutes and I'll be fine.",
      ["q.bag"] = "What is in the cool bag?",
      ["a.bag"] = "My insulin pens, the needles and the doctor's letter. I have to keep them with me, not in the hold.",
      ["q.purpose"] = "What is the purpose of your visit?",
      ["a.purpose_confused"] = "My son... sorry, what? I... I need to sit down.",
      ["a.purpose"] = "I'm visiting my son and his family in Valmore. I retired last year; at last I have time for my grandchildren.",
      ["q.length"] = "How long will you stay?",
      ["a.length_confused"] = "Sorry... I can't think. Two... two what?",
      ["a.length"] = "Two months, then I fly home. My return ticket is for the first of August.",
    },
    fr = {
      title = "Hypoglycémie",
      summary = "Un visiteur diabétique arrive en hypoglycémie après un vol retardé.",
      why = "Occupez-vous d'abord du besoin médical : une hypoglycémie est une urgence, et l'insuline et les aiguilles sont des médicaments qu'il doit garder sur lui. Une fois rétabli, passeport authentique, visa valide et motif cohérent : on l'admet ; la maladie n'est jamais un motif de refus.",
      ["needs.hypo"] = "Pâle, en sueur, tremblant",
      ["carries.cool_bag"] = "Une trousse isotherme de pharmacie",
      ["q.unwell"] = "Vous vous sentez bien, monsieur ?",
      ["a.unwell"] = "Pas vraiment... Je suis diabétique, sous insuline. Le vol a été retardé et je n'ai pas mangé. Je crois que je fais une hypoglycémie.",
      ["q.sugar"] = "Asseyez-vous. Avez-vous du sucre ?",
      ["a.sugar"] = "Oui, du jus, dans le sac... (Il le boit.) Merci. Donnez-moi cinq minutes et ça ira.",
      ["q.bag"] = "Que contient la trousse isotherme ?",
      ["a.bag"] = "Mes stylos d'insuline, les aiguilles et la lettre du médecin. Je dois les garder avec moi, pas en soute.",
      ["q.purpose"] = "Quel est le but de votre séjour ?",
      ["a.purpose_confused"] = "Mon fils... pardon, quoi ? Je... il faut que je m'assoie.",
      ["a.purpose"] = "Je rends visite à mon fils et à sa famille à Valmore. J'ai pris ma retraite l'an dernier ; enfin du temps pour mes petits-enfants.",
      ["q.length"] = "Combien de temps allez-vous rester ?",
      ["a.length_confused"] = "Pardon... je n'arrive pas à réfléchir. Deux... deux quoi ?",
      ["a.length"] = "Deux mois, puis je rentre. Mon billet de retour est pour le premier août.",
    },
    ar = {
      title = "هبوط السكر",
      summary = "زائر مصاب بالسكري يصل وسكّره منخفض بعد رحلة متأخرة.",
      why = "اهتمّ بالحاجة الطبية أولًا: هبوط السكر حالة طارئة، والإنسولين والإبر أدوية يجب أن تبقى معه. وبعد أن يتعافى، فجواز سفره أصلي وتأشيرته سارية وغرضه متّسق: يُسمح له بالدخول، والمرض ليس أبدًا سببًا للرفض.",
      ["needs.hypo"] = "شاحب، يتصبّب عرقًا ويرتجف",
      ["carries.cool_bag"] = "حقيبة تبريد عليها ملصق صيدلية",
      ["q.unwell"] = "هل أنت بخير يا سيدي؟",
      ["a.unwell"] = "ليس تمامًا... أنا مصاب بالسكري وأتناول الإنسولين. تأخّرت الرحلة ولم آكل. أظن أن السكر عندي منخفض.",
      ["q.sugar"] = "تفضّل بالجلوس. هل معك شيء حلو؟",
      ["a.sugar"] = "نعم، عصير، في الحقيبة... (يشربه.) شكرًا. أمهلني خمس دقائق وسأكون بخير.",
      ["q.bag"] = "ما الذي في حقيبة التبريد؟",
      ["a.bag"] = "أقلام الإنسولين والإبر ورسالة الطبيب. يجب أن تبقى معي، لا في عنبر الأمتعة.",
      ["q.purpose"] = "ما الغرض من زيارتك؟",
      ["a.purpose_confused"] = "ابني... عفوًا، ماذا؟ أنا... أحتاج إلى الجلوس.",
      ["a.purpose"] = "أزور ابني وعائلته في فالمور. تقاعدت العام الماضي؛ وأخيرًا صار لديّ وقت لأحفادي.",
      ["q.length"] = "كم ستبقى؟",
      ["a.length_confused"] = "عفوًا... لا أستطيع التفكير. اثنان... اثنان ماذا؟",
      ["a.length"] = "سأبقى شهرين، ثم أعود. تذكرة عودتي في الأول من أغسطس.",
    },
  },
}
