-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s26-watchlist-false-match.lua
-- A Wahati hydrologist comes to a conference: genuine passport, genuine
-- visa, a consistent purpose. Her fingerprints are taken for the entry
-- system; she asks why. The 1:N watch-list search lists a candidate who is
-- someone else (another name, another date of birth, another face): a false
-- match until verified, and verified it is excluded. She is admitted.
return scenario {
  id = "s26-watchlist-false-match",
  title = "title",
  summary = "summary",
  competencies = { "procedure", "human_rights", "interview" },
  situations = {},
  difficulty = 3,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",
  place = "airport",

  traveler = {
    age = 47, sex = "F",
    speaks = { "ar", "en", "fr" },
    impostor = 0,
    companion = false,
    -- the watch list answers with a candidate who is not her
    fingers = { watchlist = "false_candidate" },
    carries = { "carries.poster" },
  },

  documents = {
    { template = "qwh-passport-td3", seed = 26001,
      holder = { surname = "BEN SALEM", given_names = "AMAL", birth_date = "1979-04-11",
                 place_of_birth = "EL QASRA" } },
    { template = "uto-visa-mrva", seed = 26002, same_holder = true,
      visa = { category = "C", entries = "1", duration_days = 10 } },
  },

  questions = {
    { id = "purpose", text = "q.purpose", answer = "a.purpose" },
    { id = "length", text = "q.length", answer = "a.length" },
    { id = "fingers", text = "q.fingers", answer = "a.fingers" },
    -- the officer's answer to her question (the panel's "explain" records it
    -- for the fingerprint procedure; saying it to her is part of the interview)
    { id = "explain", text = "q.explain", after = "fingers", answer = "a.explain" },
    { id = "history", text = "q.history", answer = "a.history" },
    { id = "return", text = "q.return", answer = "a.return" },
  },

  expected = {
    decision = "admit",
    findings = {},
    ask = { "purpose", "fingers", "explain" },
    lights = { "uv" },
    why = "why",
  },
  rubric = { document_examination = 25, interview = 25, human_rights = 20, procedure = 30 },

  strings = {
    en = {
      title = "A name on the list",
      summary = "A bona fide visitor whose fingerprints bring up a watch-list candidate who is someone else.",
      why = "A bona fide visitor: genuine documents, a consistent purpose. The watch-list candidate is a lead to verify, not an identification: verified, it is another person (another name, birth date and face). Exclude it and admit her; holding a person on an unverified hit is arbitrary detention. She asked why her prints are taken: tell her (the entry system, its law, how long they are kept, her rights).",
      ["carries.poster"] = "A poster tube and a conference programme",
      ["q.purpose"] = "What is the purpose of your visit?",
      ["a.purpose"] = "A conference on groundwater at the University of Citadel. I present a poster on Thursday, on the wells of Wadi Safra.",
      ["q.length"] = "How long will you stay?",
      ["a.length"] = "Six days. The conference ends on Friday and I fly home on Sunday.",
      ["q.fingers"] = "Please place your fingers on the scanner.",
      ["a.fingers"] = "Why do you need my fingerprints? I have a visa. Where do they go, and who sees them?",
      ["q.explain"] = "I'll explain: the entry system, the law, your rights.",
      ["a.explain"] = "(She listens.) So every visitor gives them, they are kept three years, only for border checks, and I can ask to see them. All right. Which hand first?",
      ["q.history"] = "Have you ever been refused entry, or used another name?",
      ["a.history"] = "Never. Only this name, all my life. (She looks at the screen.) Is something wrong?",
      ["q.return"] = "When do you go back?",
      ["a.return"] = "On Sunday evening. My husband is collecting me at El Qasra.",
    },
    fr = {
      title = "Un nom sur la liste",
      summary = "Une visiteuse de bonne foi dont les empreintes font apparaître sur la liste de surveillance une candidate qui est une autre personne.",
      why = "Une visiteuse de bonne foi : documents authentiques, motif cohérent. La candidate de la liste est une piste à vérifier, pas une identification : vérifiée, c'est une autre personne (autre nom, autre date de naissance, autre visage). Écartez-la et admettez la voyageuse ; retenir quelqu'un sur une concordance non vérifiée est une détention arbitraire. Elle a demandé pourquoi ses empreintes : dites-le-lui (le système, la loi, la durée, ses droits).",
      ["carries.poster"] = "Un tube à affiche et un programme de conférence",
      ["q.purpose"] = "Quel est le but de votre séjour ?",
      ["a.purpose"] = "Une conférence sur les eaux souterraines à l'université de Citadel. Je présente un poster jeudi, sur les puits de Wadi Safra.",
      ["q.length"] = "Combien de temps allez-vous rester ?",
      ["a.length"] = "Six jours. La conférence finit vendredi et je rentre dimanche.",
      ["q.fingers"] = "Posez vos doigts sur le lecteur, s'il vous plaît.",
      ["a.fingers"] = "Pourquoi avez-vous besoin de mes empreintes ? J'ai un visa. Où vont-elles, et qui les voit ?",
      ["q.explain"] = "Je vous explique : le système d'entrée, la loi, vos droits.",
      ["a.explain"] = "(Elle écoute.) Donc tous les visiteurs les donnent, elles sont gardées trois ans, seulement pour les contrôles aux frontières, et je peux demander à les consulter. D'accord. Quelle main d'abord ?",
      ["q.history"] = "Vous a-t-on déjà refusé l'entrée ? Un autre nom ?",
      ["a.history"] = "Jamais. Ce nom-là, toute ma vie. (Elle regarde l'écran.) Il y a un problème ?",
      ["q.return"] = "Quand repartez-vous ?",
      ["a.return"] = "Dimanche soir. Mon mari vient me chercher à El Qasra.",
    },
    ar = {
      title = "اسم على القائمة",
      summary = "زائرة حسنة النية تُظهر بصماتها على قائمة المراقبة مرشّحة هي شخص آخر.",
      why = "زائرة حسنة النية: وثائق أصلية وغرض متّسق. المرشّحة في القائمة خيط للتحقق لا تحديد للهوية: وعند التحقق يتبيّن أنها شخص آخر (اسم آخر وتاريخ ميلاد آخر ووجه آخر). استبعدها واسمح للمسافرة بالدخول؛ احتجاز شخص بسبب تطابق لم يُتحقّق منه احتجاز تعسفي. سألت لماذا تؤخذ بصماتها: أخبرها (النظام، والقانون، ومدة الحفظ، وحقوقها).",
      ["carries.poster"] = "أنبوب ملصق علمي وبرنامج مؤتمر",
      ["q.purpose"] = "ما الغرض من زيارتك؟",
      ["a.purpose"] = "مؤتمر عن المياه الجوفية في جامعة سيتاديل. أعرض ملصقًا علميًا يوم الخميس عن آبار وادي صفرة.",
      ["q.length"] = "كم ستبقين؟",
      ["a.length"] = "ستة أيام. ينتهي المؤتمر يوم الجمعة وأعود يوم الأحد.",
      ["q.fingers"] = "ضعي أصابعك على الماسح من فضلك.",
      ["a.fingers"] = "لماذا تحتاجون إلى بصماتي؟ معي تأشيرة. إلى أين تذهب، ومن يطّلع عليها؟",
      ["q.explain"] = "سأشرح لك: نظام الدخول، والقانون، وحقوقك.",
      ["a.explain"] = "(تصغي.) إذن كل الزوار يقدّمونها، وتُحفظ ثلاث سنوات لأغراض المراقبة الحدودية فقط، ويمكنني أن أطلب الاطلاع عليها. حسنًا. أيّ يد أولًا؟",
      ["q.history"] = "هل رُفض دخولك يومًا، أو استعملتِ اسمًا آخر؟",
      ["a.history"] = "أبدًا. هذا اسمي طوال حياتي. (تنظر إلى الشاشة.) هل هناك مشكلة؟",
      ["q.return"] = "متى ستعودين؟",
      ["a.return"] = "مساء الأحد. سيستقبلني زوجي في القصرة.",
    },
  },
}
