-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s06-unaccompanied-child.lua
-- A 15-year-old boy travels alone. The visual zone of his passport was altered
-- to show a date of birth four years earlier (19); the MRZ and the visa still
-- give the true date (15). He has been told to say he is an adult.
return scenario {
  id = "s06-unaccompanied-child",
  title = "title",
  summary = "summary",
  competencies = { "document_examination", "interview", "human_rights" },
  situations = { "unaccompanied_child" },
  difficulty = 4,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",

  traveler = {
    age = 15, sex = "M",
    speaks = { "ar", "en" },
    impostor = 0,
    companion = false,
    carries = { "carries.school_bag" },
  },

  documents = {
    { template = "qwh-passport-td3", seed = 6001, defects = { "mrz_viz_mismatch" },
      holder = { sex = "M", birth_date = "2010-10-12" } },
    { template = "uto-visa-mrva", seed = 6002, same_holder = true,
      visa = { category = "C", entries = "1", duration_days = 30 } },
    -- his father's consent to travel, notarised: it names a child, not an adult
    { template = "qwh-parental-consent", seed = 6003, same_holder = true,
      texts = { parent = "KHALED NASSER", destination = "REPUBLIC OF UTOPIA",
                ["until"] = "30 JUN 2026" } },
  },

  questions = {
    { id = "age", text = "q.age", answer = "a.age" },
    { id = "birth", text = "q.birth",
      answer = function(ctx)
        if ctx.reader() or ctx.flagged("data_alteration") or ctx.flagged("mrz_error") then
          return "a.birth_true"
        end
        return "a.birth_told"
      end },
    { id = "travel_with", text = "q.travel_with", answer = "a.travel_with" },
    { id = "uncle", text = "q.uncle", after = "travel_with", answer = "a.uncle" },
    { id = "parents", text = "q.parents", answer = "a.parents" },
    { id = "needs", text = "q.needs", answer = "a.needs" },
  },

  expected = {
    decision = "protection",
    protection = "child",
    findings = { "mrz_viz_mismatch" },
    ask = { "birth", "travel_with", "parents" },
    lights = {},
    why = "why",
  },
  rubric = { document_examination = 25, interview = 25, human_rights = 40, procedure = 10 },

  strings = {
    en = {
      title = "Nineteen, he says",
      summary = "A boy travelling alone; his passport's printed date of birth makes him an adult, the MRZ does not.",
      why = "The MRZ and the visa show he is 15; the altered visual zone only makes him look adult. An unaccompanied child is referred to child protection: the best interests of the child come first, he gets a guardian, and he is neither treated as an adult nor turned away at the desk.",
      ["carries.school_bag"] = "A school backpack; he keeps his hands in his sleeves",
      ["q.age"] = "How old are you?",
      ["a.age"] = "(He looks at the floor.) Nineteen.",
      ["q.birth"] = "What is your date of birth?",
      ["a.birth_told"] = "The twelfth of October... two thousand and six.",
      ["a.birth_true"] = "(Quietly.) The twelfth of October 2010. The man said to tell you I'm nineteen. I'm fifteen. Am I in trouble?",
      ["q.travel_with"] = "Who are you travelling with?",
      ["a.travel_with"] = "Nobody. A man took me to the airport in El Qasra and said my uncle would be waiting for me here.",
      ["q.uncle"] = "Do you know your uncle's address?",
      ["a.uncle"] = "No. He lives in Citadel, I think. I've never met him. The man has his number, not me.",
      ["q.parents"] = "Where are your parents?",
      ["a.parents"] = "My mother is in Ain Zarqa with my little sisters. My father died two years ago. She sold her gold for the ticket.",
      ["q.needs"] = "Are you hungry? Do you need anything?",
      ["a.needs"] = "I haven't eaten since yesterday. Can I call my mother?",
    },
    fr = {
      title = "Dix-neuf ans, dit-il",
      summary = "Un garçon voyage seul ; la date de naissance imprimée le rend majeur, la ZLA non.",
      why = "La ZLA et le visa montrent qu'il a 15 ans ; la zone visuelle altérée le fait seulement paraître majeur. Un enfant non accompagné est orienté vers la protection de l'enfance : l'intérêt supérieur de l'enfant prime, on lui désigne un tuteur, et il n'est ni traité comme un adulte ni refoulé au guichet.",
      ["carries.school_bag"] = "Un sac à dos d'écolier ; il cache ses mains dans ses manches",
      ["q.age"] = "Quel âge avez-vous ?",
      ["a.age"] = "(Il regarde par terre.) Dix-neuf ans.",
      ["q.birth"] = "Quelle est votre date de naissance ?",
      ["a.birth_told"] = "Le douze octobre... deux mille six.",
      ["a.birth_true"] = "(À voix basse.) Le douze octobre 2010. L'homme m'a dit de vous dire que j'avais dix-neuf ans. J'ai quinze ans. Je vais avoir des problèmes ?",
      ["q.travel_with"] = "Avec qui voyagez-vous ?",
      ["a.travel_with"] = "Personne. Un homme m'a emmené à l'aéroport d'El Qasra et m'a dit que mon oncle m'attendrait ici.",
      ["q.uncle"] = "Connaissez-vous l'adresse de votre oncle ?",
      ["a.uncle"] = "Non. Il habite à Citadel, je crois. Je ne l'ai jamais vu. C'est l'homme qui a son numéro, pas moi.",
      ["q.parents"] = "Où sont vos parents ?",
      ["a.parents"] = "Ma mère est à Aïn Zarqa avec mes petites sœurs. Mon père est mort il y a deux ans. Elle a vendu son or pour le billet.",
      ["q.needs"] = "Avez-vous faim, besoin de quelque chose ?",
      ["a.needs"] = "Je n'ai rien mangé depuis hier. Est-ce que je peux appeler ma mère ?",
    },
    ar = {
      title = "يقول إنه في التاسعة عشرة",
      summary = "فتى يسافر وحده؛ تاريخ الميلاد المطبوع في جوازه يجعله بالغًا، والمنطقة المقروءة آليًا لا تقول ذلك.",
      why = "تُظهر المنطقة المقروءة آليًا والتأشيرة أنه في الخامسة عشرة؛ والمنطقة المرئية المعدّلة تجعله يبدو بالغًا فحسب. يُحال الطفل غير المصحوب إلى حماية الطفولة: مصلحة الطفل الفضلى أولًا، ويُعيَّن له وصيّ، ولا يُعامل معاملة البالغين ولا يُردّ من الشبّاك.",
      ["carries.school_bag"] = "حقيبة ظهر مدرسية؛ يخفي يديه في كُمّيه",
      ["q.age"] = "كم عمرك؟",
      ["a.age"] = "(ينظر إلى الأرض.) تسعة عشر عامًا.",
      ["q.birth"] = "ما تاريخ ميلادك؟",
      ["a.birth_told"] = "الثاني عشر من أكتوبر... ألفان وستة.",
      ["a.birth_true"] = "(بصوت خافت.) الثاني عشر من أكتوبر ٢٠١٠. طلب مني الرجل أن أقول إنني في التاسعة عشرة. عمري خمسة عشر عامًا. هل أنا في ورطة؟",
      ["q.travel_with"] = "مع من تسافر؟",
      ["a.travel_with"] = "لا أحد. أوصلني رجل إلى المطار في القصرة وقال إن خالي سينتظرني هنا.",
      ["q.uncle"] = "هل تعرف عنوان خالك؟",
      ["a.uncle"] = "لا. يسكن في سيتاديل على ما أظن. لم أقابله قط. الرجل معه رقمه، لا أنا.",
      ["q.parents"] = "أين والداك؟",
      ["a.parents"] = "أمي في عين زرقاء مع أخواتي الصغيرات. أبي توفي قبل سنتين. باعت أمي ذهبها لتشتري التذكرة.",
      ["q.needs"] = "هل أنت جائع؟ هل تحتاج إلى شيء؟",
      ["a.needs"] = "لم آكل شيئًا منذ أمس. هل يمكنني أن أتصل بأمي؟",
    },
  },
}
