-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s34-returnee-registry.lua
-- Key facts: YASIN DARWISH, a Wahati man of 27, arrives at Valmore airport on
-- NA 412 with no travel document: his own passport was lost in Nordavia in
-- March; he carries an extract of his birth record, and the passport a smuggler lent him
-- for the flight was taken back on board. Nobody met him; he wants to go home
-- to Bir Najm, of his own will. He fears nothing there. Wahat's civil registry
-- holds his birth, registered late (at seven, when he started school: common
-- in villages, no sign of fraud); after its identification interview
-- (district, school, landmarks, local words) the Wahati consulate confirms
-- him and issues an emergency travel document. Second line: no search, no
-- holding, screening finds no protection need. Expected final decision:
-- refuse (a foreigner without a travel document does not meet the entry
-- conditions), in writing with the reasons and the remedy; the return is
-- voluntary, on the emergency travel document, and recorded as such.
-- Not an undocumented_returnee (that situation is a probable Utopian).
return scenario {
  id = "s34-returnee-registry",
  title = "title",
  summary = "summary",
  competencies = { "interview", "procedure", "human_rights" },
  situations = {},
  difficulty = 4,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",
  place = "airport",

  traveler = {
    age = 27, sex = "M",
    speaks = { "ar", "en" },
    companion = false,
    carries = { "carries.plastic_bag" },
  },

  documents = {
    -- his Wahati birth record, an extract of the civil register: registered
    -- late (at seven, when he started school), as the registry confirms
    { template = "qwh-civil-register-extract", seed = 34001,
      holder = { surname = "DARWISH", given_names = "YASIN", surname_native = "درويش",
                 given_names_native = "ياسين", birth_date = "1999-03-15", sex = "M",
                 place_of_birth = "BIR NAJM", nationality = "QWH" },
      texts = { registered = "04 SEP 2006" } },
  },


  -- his birth, registered late; the consulate confirms him after its
  -- interview and issues an emergency travel document; the return is his choice
  registry = { result = "late", state = "QWH", registered = "2006-09-04", consulate = "confirm",
               etd = true, ["return"] = true },

  second_line = { search = false, hold = false, vulnerable = {} },

  questions = {
    { id = "name", text = "q.name", answer = "a.name" },
    { id = "birth", text = "q.birth", answer = "a.birth" },
    { id = "journey", text = "q.journey", answer = "a.journey" },
    { id = "district", text = "q.district", after = "birth", answer = "a.district" },
    { id = "school", text = "q.school", after = "birth", answer = "a.school" },
    { id = "square", text = "q.square", after = "district", answer = "a.square" },
    { id = "words", text = "q.words", after = "district", answer = "a.words" },
    { id = "fear", text = "q.fear", must = true, competency = "human_rights", answer = "a.fear" },
    { id = "home", text = "q.home", answer = "a.home" },
  },

  expected = {
    decision = "refuse",
    findings = {},
    ask = { "name", "birth", "journey", "district", "school", "square", "fear", "home" },
    why = "why",
  },
  rubric = { document_examination = 5, interview = 35, human_rights = 30, procedure = 30 },

  strings = {
    en = {
      title = "A way home",
      summary = "A Wahati man with no travel document asks to go home; his identity is to be established.",
      why = "A foreigner with no travel document does not meet the entry conditions: the decision is a refusal, in writing, with the reasons and the remedy. But first he is heard: he fears nothing at home and wants to return. His identity is established by interview and the registry (a late registration, common in villages, is no sign of fraud); the consulate confirms him and issues an emergency travel document. The return is voluntary, and recorded as such; nothing justifies a search or holding him.",
      ["carries.plastic_bag"] = "A plastic bag: clothes, a charger, a photo of a woman",
      ["q.name"] = "What is your full name?",
      ["a.name"] = "Yasin Darwish. Yasin, son of Mahmoud Darwish.",
      ["q.birth"] = "When and where were you born?",
      ["a.birth"] = "The fifteenth of March 1999, in Bir Najm, in Wahat. My father registered me only when I started school.",
      ["q.journey"] = "How did you travel here without a passport?",
      ["a.journey"] = "A man in Nordhaven gave me a passport for the flight; on the plane he took it back. He said someone would meet me with work. Nobody came.",
      ["q.district"] = "Which district is Bir Najm in?",
      ["a.district"] = "Wadi Safra district. Two hours by bus from El Qasra, on the road to the dam.",
      ["q.school"] = "Which school did you go to?",
      ["a.school"] = "The boys' school of Bir Najm, by the wells. Mr Fadel taught us; he had one eye that did not move.",
      ["q.square"] = "What stands in the square of Bir Najm?",
      ["a.square"] = "The old water tower, painted blue, and the stop of the El Qasra bus. The market is on Thursdays.",
      ["q.words"] = "What do people in Bir Najm call the evening market?",
      ["a.words"] = "Souq al-Asr. In El Qasra they laugh at us for it.",
      ["q.fear"] = "Would you be at risk of harm if you went back to Wahat?",
      ["a.fear"] = "No. Nobody there wants anything from me. I left for work, that is all. My mother is waiting.",
      ["q.home"] = "What do you want to do now?",
      ["a.home"] = "Go home. My own choice; nobody is pushing me. I was stupid to believe that man.",
    },
    fr = {
      title = "Le chemin du retour",
      summary = "Un homme de Wahat sans document de voyage demande à rentrer chez lui ; son identité est à établir.",
      why = "Un étranger sans document de voyage ne remplit pas les conditions d'entrée : la décision est un refus, par écrit, avec les motifs et les voies de recours. Mais d'abord on l'entend : il ne craint rien chez lui et veut rentrer. Son identité s'établit par l'entretien et le registre (un enregistrement tardif, courant dans les villages, n'est pas un signe de fraude) ; le consulat le confirme et délivre un titre de voyage d'urgence. Le retour est volontaire, et consigné comme tel ; rien ne justifie une fouille ni une retenue.",
      ["carries.plastic_bag"] = "Un sac plastique : des vêtements, un chargeur, la photo d'une femme",
      ["q.name"] = "Quels sont vos nom et prénom ?",
      ["a.name"] = "Yasin Darwish. Yasin, fils de Mahmoud Darwish.",
      ["q.birth"] = "Quand et où êtes-vous né ?",
      ["a.birth"] = "Le quinze mars 1999, à Bir Najm, à Wahat. Mon père ne m'a déclaré qu'à mon entrée à l'école.",
      ["q.journey"] = "Comment avez-vous voyagé sans passeport ?",
      ["a.journey"] = "Un homme à Nordhaven m'a donné un passeport pour le vol ; dans l'avion il l'a repris. Il a dit qu'on viendrait me chercher avec du travail. Personne n'est venu.",
      ["q.district"] = "Dans quel district se trouve Bir Najm ?",
      ["a.district"] = "Le district de Wadi Safra. À deux heures de bus d'El Qasra, sur la route du barrage.",
      ["q.school"] = "Dans quelle école êtes-vous allé ?",
      ["a.school"] = "L'école de garçons de Bir Najm, près des puits. M. Fadel nous faisait la classe ; il avait un œil qui ne bougeait pas.",
      ["q.square"] = "Qu'y a-t-il sur la place de Bir Najm ?",
      ["a.square"] = "Le vieux château d'eau peint en bleu, et l'arrêt du bus d'El Qasra. Le marché, c'est le jeudi.",
      ["q.words"] = "Comment appelle-t-on le marché du soir à Bir Najm ?",
      ["a.words"] = "Souq al-Asr. À El Qasra, on se moque de nous pour ça.",
      ["q.fear"] = "Risquez-vous quelque chose si vous rentrez à Wahat ?",
      ["a.fear"] = "Non. Là-bas personne ne me veut rien. Je suis parti pour travailler, c'est tout. Ma mère m'attend.",
      ["q.home"] = "Que voulez-vous faire maintenant ?",
      ["a.home"] = "Rentrer chez moi. C'est mon choix ; personne ne me pousse. J'ai été bête de croire cet homme.",
    },
    ar = {
      title = "طريق العودة",
      summary = "رجل من الواحات بلا وثيقة سفر يطلب العودة إلى بلده؛ ويجب التحقق من هويته.",
      why = "الأجنبي الذي لا يحمل وثيقة سفر لا يستوفي شروط الدخول: القرار رفض الدخول، كتابةً، مع الأسباب وطريقة الطعن. لكن يُستمَع إليه أولًا: لا يخشى شيئًا في بلده ويريد العودة. تُثبَت هويته بالمقابلة وبالسجل المدني (التسجيل المتأخر شائع في القرى وليس علامة تزوير)؛ وتؤكّد القنصلية هويته وتصدر له وثيقة سفر طارئة. العودة طوعية وتُسجَّل على هذا الأساس؛ ولا شيء يبرّر تفتيشه أو احتجازه.",
      ["carries.plastic_bag"] = "كيس بلاستيكي: ملابس، وشاحن، وصورة امرأة",
      ["q.name"] = "ما اسمك الكامل؟",
      ["a.name"] = "ياسين درويش. ياسين بن محمود درويش.",
      ["q.birth"] = "متى وأين وُلدت؟",
      ["a.birth"] = "في الخامس عشر من مارس ١٩٩٩، في بئر نجم، في الواحات. لم يسجّلني أبي إلا حين دخلت المدرسة.",
      ["q.journey"] = "كيف سافرت إلى هنا بلا جواز؟",
      ["a.journey"] = "أعطاني رجل في نوردهافن جوازًا للرحلة؛ وفي الطائرة أخذه مني. قال إن أحدًا سيستقبلني ومعه عمل. لم يأتِ أحد.",
      ["q.district"] = "في أي منطقة تقع بئر نجم؟",
      ["a.district"] = "منطقة وادي صفرة. ساعتان بالحافلة من القصرة، على طريق السدّ.",
      ["q.school"] = "في أي مدرسة درست؟",
      ["a.school"] = "مدرسة البنين في بئر نجم، قرب الآبار. كان يدرّسنا الأستاذ فاضل؛ كانت له عين لا تتحرّك.",
      ["q.square"] = "ماذا يوجد في ساحة بئر نجم؟",
      ["a.square"] = "برج الماء القديم المطليّ بالأزرق، وموقف حافلة القصرة. والسوق يوم الخميس.",
      ["q.words"] = "ماذا يسمّي أهل بئر نجم سوق المساء؟",
      ["a.words"] = "سوق العصر. في القصرة يضحكون علينا بسببها.",
      ["q.fear"] = "هل تتعرّض لأي خطر إن عدت إلى الواحات؟",
      ["a.fear"] = "لا. لا أحد هناك يريد مني شيئًا. غادرت من أجل العمل فقط. أمي تنتظرني.",
      ["q.home"] = "ماذا تريد أن تفعل الآن؟",
      ["a.home"] = "أن أعود إلى بيتي. باختياري؛ لا أحد يجبرني. كنت غبيًا حين صدّقت ذلك الرجل.",
    },
  },
}
