-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s17-altered-birthdate.lua
-- A falsified Utopian passport: the date of birth was reprinted in an ink
-- that vanishes in IR, the MRZ check digit is wrong, and the microtext line
-- is plain. The woman presenting it has lived in Utopia without papers for
-- years and has a child at school there.
return scenario {
  id = "s17-altered-birthdate",
  title = "title",
  summary = "summary",
  competencies = { "document_examination", "interview", "procedure" },
  situations = {},
  difficulty = 3,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",

  traveler = {
    age = 29, sex = "F",
    speaks = { "fr", "en" },
    impostor = 0,
    companion = false,
    carries = { "carries.black_clothes" },
  },

  documents = {
    { template = "uto-passport-td3", seed = 17002,
      defects = { "data_alteration_ir", "mrz_check_digit", "microtext_missing" },
      holder = { sex = "F", birth_date = "1996-09-22" } },
  },

  questions = {
    { id = "from", text = "q.from", answer = "a.from" },
    { id = "live", text = "q.live", answer = "a.live" },
    { id = "birth", text = "q.birth",
      answer = function(ctx)
        if ctx.reader() then return "a.birth_reader" end
        return "a.birth"
      end },
    { id = "obtained", text = "q.obtained", after = { opened = 1 },
      answer = function(ctx)
        if ctx.flagged("data_alteration") or ctx.flagged("mrz_error")
            or ctx.flagged("microprint") then
          return "a.obtained_truth"
        end
        return "a.obtained"
      end },
    { id = "son", text = "q.son", after = "obtained", answer = "a.son" },
  },

  expected = {
    decision = "second_line",
    findings = { "data_alteration_ir", "mrz_check_digit", "microtext_missing" },
    ask = { "birth", "obtained" },
    lights = { "ir" },
    why = "why",
  },
  rubric = { document_examination = 50, interview = 20, human_rights = 10, procedure = 20 },

  strings = {
    en = {
      title = "The date that vanishes",
      summary = "A Utopian passport whose date of birth disappears in IR, with a wrong check digit and plain microtext.",
      why = "The date of birth vanishes in IR (reprinted), the MRZ check digit fails and the microtext is a plain line: a falsified passport, so refer to second line. Her irregular stay and her son in Utopia are for that procedure to weigh (family life, the child's best interests); they do not change the finding.",
      ["carries.black_clothes"] = "Dressed in black; a small overnight bag",
      ["q.from"] = "Where are you travelling from?",
      ["a.from"] = "From Osterby. My mother's funeral.",
      ["q.live"] = "Where do you live?",
      ["a.live"] = "In Lindor. I work in a hotel kitchen.",
      ["q.birth"] = "What is your date of birth?",
      ["a.birth"] = "The twenty-second of September, 1996.",
      ["a.birth_reader"] = "The twenty-second of September, 1996. (She looks at the reader.) Why did it beep?",
      ["q.obtained"] = "Where did you get this passport?",
      ["a.obtained"] = "At the town hall, in Lindor.",
      ["a.obtained_truth"] = "(Her voice breaks.) I'm Nordavian. Six years in Lindor without papers. When my mother died, a man sold me this so I could go and come back.",
      ["q.son"] = "Is there anyone waiting for you here?",
      ["a.son"] = "My son. He's nine; he was born here. My neighbour is looking after him. Please, he is at school tomorrow.",
    },
    fr = {
      title = "La date qui disparaît",
      summary = "Un passeport utopien dont la date de naissance disparaît en IR, avec un chiffre de contrôle faux et une microimpression absente.",
      why = "La date de naissance disparaît en IR (réimprimée), le chiffre de contrôle de la ZLA est faux et la microimpression est un simple trait : passeport falsifié, orientez vers la deuxième ligne. Son séjour irrégulier et son fils en Utopie relèvent de cette procédure (vie familiale, intérêt supérieur de l'enfant) ; ils ne changent pas le constat.",
      ["carries.black_clothes"] = "Vêtue de noir ; un petit sac de voyage",
      ["q.from"] = "D'où arrivez-vous ?",
      ["a.from"] = "D'Osterby. L'enterrement de ma mère.",
      ["q.live"] = "Où habitez-vous ?",
      ["a.live"] = "À Lindor. Je travaille dans la cuisine d'un hôtel.",
      ["q.birth"] = "Quelle est votre date de naissance ?",
      ["a.birth"] = "Le vingt-deux septembre 1996.",
      ["a.birth_reader"] = "Le vingt-deux septembre 1996. (Elle regarde le lecteur.) Pourquoi ça a sonné ?",
      ["q.obtained"] = "Où avez-vous obtenu ce passeport ?",
      ["a.obtained"] = "À la mairie, à Lindor.",
      ["a.obtained_truth"] = "(Sa voix se brise.) Je suis nordavienne. Six ans à Lindor sans papiers. Quand ma mère est morte, un homme m'a vendu ça pour que je puisse partir et revenir.",
      ["q.son"] = "Quelqu'un vous attend-il ici ?",
      ["a.son"] = "Mon fils. Il a neuf ans ; il est né ici. C'est ma voisine qui le garde. S'il vous plaît, il a école demain.",
    },
    ar = {
      title = "التاريخ الذي يختفي",
      summary = "جواز سفر من يوتوبيا يختفي فيه تاريخ الميلاد تحت الأشعة تحت الحمراء، مع رقم تحقق خاطئ وطباعة دقيقة غائبة.",
      why = "يختفي تاريخ الميلاد تحت الأشعة تحت الحمراء (أُعيدت طباعته)، ورقم التحقق في المنطقة المقروءة آليًا خاطئ، والطباعة الدقيقة مجرّد خط: جواز مزوّر، فأحِلها إلى الخط الثاني. إقامتها غير النظامية وابنها في يوتوبيا أمور تزنها تلك الإجراءات (الحياة الأسرية ومصلحة الطفل الفضلى)، ولا تغيّر النتيجة.",
      ["carries.black_clothes"] = "ترتدي السواد؛ حقيبة سفر صغيرة",
      ["q.from"] = "من أين أنتِ قادمة؟",
      ["a.from"] = "من أوستربي. جنازة أمي.",
      ["q.live"] = "أين تسكنين؟",
      ["a.live"] = "في ليندور. أعمل في مطبخ فندق.",
      ["q.birth"] = "ما تاريخ ميلادك؟",
      ["a.birth"] = "الثاني والعشرون من سبتمبر ١٩٩٦.",
      ["a.birth_reader"] = "الثاني والعشرون من سبتمبر ١٩٩٦. (تنظر إلى القارئ.) لماذا أصدر صوتًا؟",
      ["q.obtained"] = "من أين حصلتِ على هذا الجواز؟",
      ["a.obtained"] = "من البلدية، في ليندور.",
      ["a.obtained_truth"] = "(يتهدّج صوتها.) أنا من نوردافيا. ست سنوات في ليندور بلا أوراق. عندما ماتت أمي، باعني رجل هذا لأتمكّن من السفر والعودة.",
      ["q.son"] = "هل ينتظرك أحد هنا؟",
      ["a.son"] = "ابني. عمره تسع سنوات؛ وُلد هنا. جارتي تعتني به. أرجوك، لديه مدرسة غدًا.",
    },
  },
}
