-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s19-stamp-date.lua
-- A Wahati sales manager with a genuine multiple-entry Utopian visa comes
-- back for a client visit. His passport's stamps tell his last stay: into
-- Utopia on 2 February, and an exit stamp dated 28 January, before the
-- entry. He says he flew home early in May: 97 days on a 90-day visa. The
-- exit stamp's date contradicts the route and his own account. It may be a
-- border officer's mis-set dater or an exit stamp forged to hide an
-- overstay: only the entry/exit records can tell, which is second line's
-- work, not a reason to refuse him at the desk.
return scenario {
  id = "s19-stamp-date",
  title = "title",
  summary = "summary",
  competencies = { "document_examination", "interview", "procedure" },
  situations = {},
  difficulty = 3,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",

  traveler = {
    age = 44, sex = "M",
    speaks = { "ar", "en" },
    impostor = 0,
    companion = false,
    carries = { "carries.suitcase" },
  },

  documents = {
    { template = "qwh-passport-td3", seed = 19001,
      travel = {
        { port = "EL QASRA INTERNATIONAL", state = "QWH", date = "2026-02-02", direction = "exit" },
        { port = "CITADEL AIRPORT", state = "UTO", date = "2026-02-02", direction = "entry",
          ink = "violet" },
        -- the contradiction: an exit from Utopia dated before he entered it
        { port = "CITADEL AIRPORT", state = "UTO", date = "2026-01-28", direction = "exit",
          defects = { "stamp_date_conflict" } },
        { port = "EL QASRA INTERNATIONAL", state = "QWH", date = "2026-05-09", direction = "entry",
          ink = "green" },
      } },
    { template = "uto-visa-mrva", seed = 19002, same_holder = true, page = 4,
      visa = { category = "C", entries = "MULT", duration_days = 90,
               valid_from = "2026-01-15", valid_until = "2027-01-14" } },
  },

  questions = {
    { id = "purpose", text = "q.purpose", answer = "a.purpose" },
    { id = "last_trip", text = "q.last_trip", answer = "a.last_trip" },
    { id = "left", text = "q.left", after = "last_trip", answer = "a.left" },
    { id = "stamp", text = "q.stamp", after = { flagged = "data_alteration" },
      answer = "a.stamp" },
    { id = "return", text = "q.return", answer = "a.return" },
  },

  expected = {
    decision = "second_line",
    findings = { "stamp_date_conflict" },
    ask = { "last_trip", "left" },
    why = "why",
  },
  rubric = { document_examination = 45, interview = 30, human_rights = 5, procedure = 20 },

  strings = {
    en = {
      title = "A date that does not fit",
      summary = "A visitor with a genuine visa whose exit stamp is dated before his entry.",
      why = "The exit stamp of his last stay is dated 28 January, before the entry stamp of 2 February, and he says he flew home in May: that would be 97 days on a 90-day visa. A stamp that contradicts the route is a reason to refer him to second line, which checks the entry/exit records; by itself it proves neither a forged stamp nor an overstay (a border post's dater can be mis-set). Do not refuse at the desk on it, and do not let it pass unexamined.",
      ["carries.suitcase"] = "A small suitcase and a sample case",
      ["q.purpose"] = "What is the purpose of your visit?",
      ["a.purpose"] = "Business. I sell irrigation controllers; I am seeing two clients in Citadel this week.",
      ["q.last_trip"] = "When were you last in Utopia?",
      ["a.last_trip"] = "This spring. I came at the beginning of February for the agricultural fair and stayed to set up the installations.",
      ["q.left"] = "When did you leave Utopia?",
      ["a.left"] = "Early May. I flew home the day before my daughter's birthday, the ninth.",
      ["q.stamp"] = "Your exit stamp is dated 28 January. Can you explain that?",
      ["a.stamp"] = "(He looks at the page.) I don't know. The officer stamped it; I did not look at the date.",
      ["q.return"] = "When are you going back?",
      ["a.return"] = "Next Monday. My return ticket is on my phone.",
    },
    fr = {
      title = "Une date qui ne colle pas",
      summary = "Un visiteur au visa authentique dont le cachet de sortie est daté d'avant son entrée.",
      why = "Le cachet de sortie de son dernier séjour est daté du 28 janvier, avant le cachet d'entrée du 2 février, et il dit être rentré en mai : 97 jours avec un visa de 90 jours. Un cachet qui contredit le trajet justifie d'orienter vers la deuxième ligne, qui consulte les registres d'entrée et de sortie ; à lui seul, il ne prouve ni un faux cachet ni un dépassement de séjour (le dateur d'un poste frontière peut être mal réglé). Ne refusez pas au guichet sur ce seul motif, et ne le laissez pas passer sans examen.",
      ["carries.suitcase"] = "Une petite valise et une mallette d'échantillons",
      ["q.purpose"] = "Quel est le but de votre visite ?",
      ["a.purpose"] = "Les affaires. Je vends des programmateurs d'irrigation ; je vois deux clients à Citadel cette semaine.",
      ["q.last_trip"] = "Quand êtes-vous venu en Utopie pour la dernière fois ?",
      ["a.last_trip"] = "Ce printemps. Je suis arrivé début février pour le salon agricole et je suis resté pour installer le matériel.",
      ["q.left"] = "Quand avez-vous quitté l'Utopie ?",
      ["a.left"] = "Début mai. Je suis rentré la veille de l'anniversaire de ma fille, le neuf.",
      ["q.stamp"] = "Votre cachet de sortie date du 28 janvier : pourquoi ?",
      ["a.stamp"] = "(Il regarde la page.) Je ne sais pas. L'agent l'a tamponné ; je n'ai pas regardé la date.",
      ["q.return"] = "Quand repartez-vous ?",
      ["a.return"] = "Lundi prochain. Mon billet retour est sur mon téléphone.",
    },
    ar = {
      title = "تاريخ لا يستقيم",
      summary = "زائر بتأشيرة أصلية يحمل ختم خروج مؤرخًا قبل دخوله.",
      why = "ختم الخروج من إقامته الأخيرة مؤرخ في 28 يناير، قبل ختم الدخول في 2 فبراير، وهو يقول إنه عاد في مايو: أي 97 يومًا بتأشيرة مدتها 90 يومًا. الختم الذي يناقض خط السير سبب لإحالته إلى الخط الثاني الذي يراجع سجلات الدخول والخروج؛ وهو وحده لا يثبت ختمًا مزورًا ولا تجاوزًا لمدة الإقامة (قد يُضبط ختم التاريخ في المركز الحدودي خطأً). لا ترفض دخوله عند الشباك بسببه، ولا تتركه يمر دون فحص.",
      ["carries.suitcase"] = "حقيبة صغيرة وحقيبة عينات",
      ["q.purpose"] = "ما الغرض من زيارتك؟",
      ["a.purpose"] = "العمل. أبيع أجهزة التحكم في الري؛ سألتقي عميلين في سيتادل هذا الأسبوع.",
      ["q.last_trip"] = "متى كنت في يوتوبيا آخر مرة؟",
      ["a.last_trip"] = "في الربيع. جئت في بداية فبراير للمعرض الزراعي وبقيت لتركيب المعدات.",
      ["q.left"] = "متى غادرت يوتوبيا؟",
      ["a.left"] = "في أوائل مايو. عدت إلى بلدي قبل عيد ميلاد ابنتي بيوم، في التاسع.",
      ["q.stamp"] = "ختم خروجك مؤرخ في 28 يناير. هل يمكنك تفسير ذلك؟",
      ["a.stamp"] = "(ينظر إلى الصفحة.) لا أعرف. الموظف ختمه؛ لم أنظر إلى التاريخ.",
      ["q.return"] = "متى ستعود؟",
      ["a.return"] = "يوم الاثنين القادم. تذكرة العودة على هاتفي.",
    },
  },
}
