-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s33-returning-fighter.lua
-- Key facts: ELIAS MAREK, a Utopian citizen (genuine passport), comes home via
-- Nordhaven after three years in Tel Sabur, in the war in Marvena, with his
-- wife LENA (Utopian, her own passport) and their two children (2 and 4, on
-- emergency travel documents from the consulate in Nordhaven). A national
-- alert matches his name and birth date: wanted, hold and notify (an
-- investigation for joining an armed group), reported by Utopia. Second line:
-- a search in private, holding him as a last resort until the police come,
-- the family assessed one by one (the wife is not presumed to share his
-- case), the children never held and referred to child protection, a lawyer
-- offered, the case referred to the competent authority. Expected final
-- decision at second line: admit (his own country, ICCPR 12(4)): the border
-- neither judges nor refuses him; the police and the prosecutor take over.
return scenario {
  id = "s33-returning-fighter",
  title = "title",
  summary = "summary",
  competencies = { "human_rights", "procedure", "interview" },
  situations = {},
  difficulty = 5,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",
  place = "airport",

  traveler = {
    age = 32, sex = "M",
    speaks = { "en", "fr" },
    status = "citizen",
    companion = { relationship = "spouse", sex = "F", age = 28 },
    carries = { "carries.children", "carries.etd" },
  },

  documents = {
    { template = "uto-passport-td3", seed = 33001,
      holder = { surname = "MAREK", given_names = "ELIAS", birth_date = "1994-05-09" } },
    { template = "uto-passport-td3", seed = 33002, companion = true,
      holder = { surname = "MAREK", given_names = "LENA" } },
  },

  -- a national alert about him: name and birth date
  checks = {
    { list = "national", category = "wanted", action = "hold_and_notify",
      match = "name_and_birth_date", person = "traveler", reporting = "UTO" },
  },

  second_line = { search = true, hold = true, family = true, children = 2, authority = true,
                  vulnerable = { "child" } },

  questions = {
    { id = "from", text = "q.from", answer = "a.from" },
    { id = "there", text = "q.there", after = "from", answer = "a.there" },
    { id = "children", text = "q.children", answer = "a.children" },
    { id = "papers", text = "q.papers", after = "children", answer = "a.papers" },
    { id = "wife", text = "q.wife",
      answer = {
        { when = { separated = true }, say = "a.wife_alone" },
        { say = "a.wife" },
      } },
  },

  expected = {
    decision = "admit",
    findings = {},
    ask = { "from", "children", "papers" },
    lights = { "uv" },
    why = "why",
  },
  rubric = { document_examination = 10, interview = 20, human_rights = 40, procedure = 30 },

  strings = {
    en = {
      title = "Coming home from the war",
      summary = "A Utopian returns from a conflict zone with his wife and two small children; a national alert names him.",
      why = "The alert (hold and notify), verified on his name, birth date and photo, is about him: hold him as a last resort and notify the police, who decide on the investigation. He is a citizen: he may not be refused entry to his own country (ICCPR 12(4)), whatever he is suspected of. The children are never held: refer them to child protection. His wife is assessed on her own, not as part of his case. Offer a lawyer, give the decision in writing, admit him into the competent authority's hands.",
      ["carries.children"] = "Two small children, asleep on a trolley",
      ["carries.etd"] = "The children's emergency travel documents",
      ["q.from"] = "Where are you travelling from?",
      ["a.from"] = "Nordhaven, today. Before that, Marvena. Tel Sabur. We lived there three years.",
      ["q.there"] = "What were you doing in Tel Sabur?",
      ["a.there"] = "(He looks at his wife.) Living. Working. It is complicated; I would rather explain to someone properly.",
      ["q.children"] = "Who are the children, and how old are they?",
      ["a.children"] = "Ours. Noah is four, Mira is two. Both born in Tel Sabur. They have never seen Utopia.",
      ["q.papers"] = "What papers do the children have?",
      ["a.papers"] = "Emergency travel documents from our consulate in Nordhaven, last week. Birth papers from Tel Sabur too, handwritten.",
      ["q.wife"] = "(To his wife) Would you like to tell me anything yourself?",
      ["a.wife"] = "(Her husband answers first.) She is tired. We are all tired.",
      ["a.wife_alone"] = "I wanted to come home for two years. My parents live in Valmore. I just want the children to be safe.",
    },
    fr = {
      title = "Retour de la guerre",
      summary = "Un Utopien revient d'une zone de conflit avec sa femme et deux jeunes enfants ; une alerte nationale le désigne.",
      why = "L'alerte (retenir et signaler), vérifiée sur son nom, sa date de naissance et sa photo, le concerne : retenez-le en dernier recours et prévenez la police, qui décide de l'enquête. Il est citoyen : on ne peut lui refuser l'entrée dans son propre pays (PIDCP art. 12(4)), quoi qu'on lui reproche. Les enfants ne sont jamais retenus : orientez-les vers la protection de l'enfance. Sa femme est évaluée pour elle-même, pas comme une part de son dossier. Proposez un avocat, notifiez la décision par écrit, admettez-le entre les mains de l'autorité compétente.",
      ["carries.children"] = "Deux jeunes enfants endormis sur un chariot",
      ["carries.etd"] = "Les titres de voyage d'urgence des enfants",
      ["q.from"] = "D'où venez-vous ?",
      ["a.from"] = "De Nordhaven, aujourd'hui. Avant, de Marvena. Tel Sabur. Nous y avons vécu trois ans.",
      ["q.there"] = "Que faisiez-vous à Tel Sabur ?",
      ["a.there"] = "(Il regarde sa femme.) Nous vivions. Je travaillais. C'est compliqué ; je préfère l'expliquer à quelqu'un correctement.",
      ["q.children"] = "Qui sont les enfants, et quel âge ont-ils ?",
      ["a.children"] = "Les nôtres. Noah a quatre ans, Mira deux. Tous deux nés à Tel Sabur. Ils n'ont jamais vu l'Utopie.",
      ["q.papers"] = "Quels papiers ont les enfants ?",
      ["a.papers"] = "Des titres de voyage d'urgence de notre consulat à Nordhaven, la semaine dernière. Et des actes de naissance de Tel Sabur, écrits à la main.",
      ["q.wife"] = "(À sa femme) Voulez-vous me dire quelque chose vous-même ?",
      ["a.wife"] = "(Son mari répond d'abord.) Elle est fatiguée. Nous sommes tous fatigués.",
      ["a.wife_alone"] = "Je voulais rentrer depuis deux ans. Mes parents vivent à Valmore. Je veux seulement que les enfants soient en sécurité.",
    },
    ar = {
      title = "العودة من الحرب",
      summary = "مواطن من يوتوبيا يعود من منطقة نزاع مع زوجته وطفلين صغيرين؛ وتنبيه وطني يذكر اسمه.",
      why = "التنبيه (الاحتجاز والإبلاغ)، بعد التحقق من اسمه وتاريخ ميلاده وصورته، يخصّه: احتجزه كملاذ أخير وأبلغ الشرطة، فهي التي تقرّر في التحقيق. إنه مواطن: لا يجوز منعه من دخول بلده (المادة ١٢(٤) من العهد الدولي)، مهما كان ما يُشتبه فيه. الأطفال لا يُحتجزون أبدًا: أحِلهم إلى حماية الطفل. وتُقيَّم زوجته بمفردها، لا كجزء من ملفه. اعرض عليه محاميًا، وسلّمه القرار كتابةً، واسمح له بالدخول إلى عهدة السلطة المختصة.",
      ["carries.children"] = "طفلان صغيران نائمان على عربة الأمتعة",
      ["carries.etd"] = "وثائق السفر الطارئة للطفلين",
      ["q.from"] = "من أين أنت قادم؟",
      ["a.from"] = "من نوردهافن اليوم. وقبل ذلك من مارفينا. تل صبور. عشنا هناك ثلاث سنوات.",
      ["q.there"] = "ماذا كنت تفعل في تل صبور؟",
      ["a.there"] = "(ينظر إلى زوجته.) كنا نعيش. كنت أعمل. الأمر معقّد؛ أفضّل أن أشرحه لشخص كما يجب.",
      ["q.children"] = "من هما الطفلان، وكم عمرهما؟",
      ["a.children"] = "طفلانا. نوح في الرابعة، وميرا في الثانية. وُلدا كلاهما في تل صبور. لم يريا يوتوبيا قط.",
      ["q.papers"] = "ما الأوراق التي يحملها الطفلان؟",
      ["a.papers"] = "وثائق سفر طارئة من قنصليتنا في نوردهافن، الأسبوع الماضي. وشهادتا ميلاد من تل صبور مكتوبتان باليد.",
      ["q.wife"] = "(لزوجته) هل تودّين أن تقولي لي شيئًا بنفسك؟",
      ["a.wife"] = "(يجيب زوجها أولًا.) إنها متعبة. كلنا متعبون.",
      ["a.wife_alone"] = "أردت العودة منذ سنتين. يعيش والداي في فالمور. كل ما أريده أن يكون الطفلان في أمان.",
    },
  },
}
