-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s07-trafficking.lua
-- A young woman with genuine documents and a short-stay (C) visa. The man
-- with her holds her passport and answers for her. Alone, she speaks of a job,
-- a debt and a room "with other girls": indicators of trafficking.
return scenario {
  id = "s07-trafficking",
  title = "title",
  summary = "summary",
  competencies = { "interview", "human_rights", "procedure" },
  situations = { "trafficking" },
  difficulty = 4,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",

  traveler = {
    age = 22, sex = "F",
    speaks = { "ar", "en" },
    impostor = 0,
    companion = { relationship = "relative", sex = "M", age = 36 }, -- he says he is her cousin
    carries = { "carries.no_bag", "carries.papers_held" },
  },

  documents = {
    { template = "qwh-passport-td3", seed = 7001, holder = { sex = "F", birth_date = "2003-11-20" } },
    { template = "uto-visa-mrva", seed = 7002, same_holder = true },
    { template = "qwh-passport-td3", seed = 7003, companion = true }, -- his own passport
    -- her boarding pass: from Nordhaven, not from home as he says
    { template = "nordair-boarding-pass", seed = 7004, same_holder = true,
      texts = { from = "NORDHAVEN", to = "CITADEL", flight = "NR 417", date = "01 JUN 2026" } },
  },

  questions = {
    { id = "purpose", text = "q.purpose",
      answer = {
        { when = { separated = true }, say = "a.purpose_alone" },
        { say = "a.purpose_companion" },
      } },
    { id = "stay", text = "q.stay",
      answer = {
        { when = { separated = true }, say = "a.stay_alone" },
        { say = "a.stay_companion" },
      } },
    { id = "visa", text = "q.visa",
      answer = {
        { when = { separated = true }, say = "a.visa_alone" },
        { say = "a.visa_companion" },
      } },
    { id = "phone", text = "q.phone",
      answer = {
        { when = { separated = true }, say = "a.phone" },
        { say = "a.phone_companion" },
      } },
    { id = "free", text = "q.free",
      answer = {
        { when = { separated = true }, say = "a.free" },
        { say = "a.free_companion" },
      } },
  },

  expected = {
    decision = "protection",
    protection = "trafficking",
    findings = {},
    ask = { "purpose", "free" },
    lights = { "uv" },
    why = "why",
  },
  rubric = { document_examination = 10, interview = 35, human_rights = 40, procedure = 15 },

  strings = {
    en = {
      title = "Her cousin does the talking",
      summary = "Genuine documents held by a companion who answers every question: speak to her alone.",
      why = "Her passport held by someone else, a job that contradicts her short-stay (C) visa, a debt, no money, no phone, not allowed to speak: indicators of trafficking. Speak to her alone and refer her to the trafficking protection procedure; she is a possible victim, not an offender.",
      ["carries.no_bag"] = "No bag, no phone",
      ["carries.papers_held"] = "He holds her passport",
      ["q.purpose"] = "What is the purpose of your visit?",
      ["a.purpose_companion"] = "(The man answers for her.) Tourism. She's my cousin; we're visiting family for two weeks.",
      ["a.purpose_alone"] = "He said there is work in a restaurant. First I must pay back the ticket and the visa: two thousand. He keeps my passport 'so I don't lose it'.",
      ["q.stay"] = "Where will you stay?",
      ["a.stay_companion"] = "(The man answers.) With family. I have the address on my phone somewhere.",
      ["a.stay_alone"] = "I don't know the address. He said there is a room above the restaurant, with other girls.",
      ["q.visa"] = "Who applied for your visa?",
      ["a.visa_companion"] = "(The man answers.) We did it together, at the consulate. Everything is legal.",
      ["a.visa_alone"] = "He did. I only signed. He said a work visa takes too long.",
      ["q.phone"] = "Do you have your own phone and money?",
      ["a.phone_companion"] = "(The man answers.) She has no phone here; I keep hers, she always loses things.",
      ["a.free_companion"] = "(The man answers before she can.) Of course she is free. Why would you ask that?",
      ["a.phone"] = "No. He has my phone. I have no money; he paid for everything.",
      ["q.free"] = "Are you free to leave whenever you want?",
      ["a.free"] = "I don't know... He said if I don't work, my family has to pay. Please don't tell him I told you.",
    },
    fr = {
      title = "Son cousin parle pour elle",
      summary = "Des documents authentiques gardés par un accompagnateur qui répond à tout : parlez-lui en tête-à-tête.",
      why = "Passeport détenu par un tiers, emploi incompatible avec son visa de court séjour (C), dette, ni argent ni téléphone, pas le droit de parler : ce sont des indicateurs de traite. Parlez-lui en privé et orientez-la vers la protection des victimes de la traite ; c'est une victime possible, pas une délinquante.",
      ["carries.no_bag"] = "Ni sac ni téléphone",
      ["carries.papers_held"] = "Il tient son passeport",
      ["q.purpose"] = "Quel est le but de votre séjour ?",
      ["a.purpose_companion"] = "(L'homme répond à sa place.) Tourisme. C'est ma cousine ; nous rendons visite à la famille pendant deux semaines.",
      ["a.purpose_alone"] = "Il a parlé d'un travail dans un restaurant. Je dois d'abord rembourser le billet et le visa : deux mille. Il garde mon passeport « pour ne pas le perdre ».",
      ["q.stay"] = "Où allez-vous loger ?",
      ["a.stay_companion"] = "(L'homme répond.) Dans la famille. J'ai l'adresse quelque part dans mon téléphone.",
      ["a.stay_alone"] = "Je ne connais pas l'adresse. Il a dit qu'il y a une chambre au-dessus du restaurant, avec d'autres filles.",
      ["q.visa"] = "Qui a demandé votre visa ?",
      ["a.visa_companion"] = "(L'homme répond.) Nous l'avons fait ensemble, au consulat. Tout est légal.",
      ["a.visa_alone"] = "C'est lui. J'ai seulement signé. Il a dit qu'un visa de travail prend trop de temps.",
      ["q.phone"] = "Avez-vous votre téléphone et de l'argent ?",
      ["a.phone_companion"] = "(L'homme répond.) Elle n'a pas de téléphone ici ; je garde le sien, elle perd toujours tout.",
      ["a.free_companion"] = "(L'homme répond avant elle.) Bien sûr qu'elle est libre. Pourquoi cette question ?",
      ["a.phone"] = "Non. Il a mon téléphone. Je n'ai pas d'argent ; il a tout payé.",
      ["q.free"] = "Pouvez-vous partir quand vous voulez ?",
      ["a.free"] = "Je ne sais pas... Il a dit que si je ne travaille pas, ma famille devra payer. S'il vous plaît, ne lui dites pas que je vous l'ai dit.",
    },
    ar = {
      title = "قريبها يتكلّم عنها",
      summary = "وثائق أصلية يحتفظ بها مرافق يجيب عن كل سؤال: تحدّث إليها على انفراد.",
      why = "جوازها بيد شخص آخر، وعمل يناقض تأشيرة الإقامة القصيرة (C)، ودَين، ولا مال ولا هاتف، ولا يُسمح لها بالكلام: مؤشرات على الاتجار بالبشر. تحدّث إليها على انفراد وأحِلها إلى إجراءات حماية ضحايا الاتجار؛ فهي ضحية محتملة لا مخالفة.",
      ["carries.no_bag"] = "لا حقيبة ولا هاتف",
      ["carries.papers_held"] = "الرجل الذي بجانبها يحمل جوازها",
      ["q.purpose"] = "ما الغرض من زيارتك؟",
      ["a.purpose_companion"] = "(يجيب الرجل عنها.) سياحة. إنها ابنة عمي؛ نزور العائلة لمدة أسبوعين.",
      ["a.purpose_alone"] = "قال إن هناك عملًا في مطعم. عليّ أولًا أن أسدّد ثمن التذكرة والتأشيرة: ألفان. يحتفظ بجوازي «كي لا أضيّعه» كما يقول.",
      ["q.stay"] = "أين ستقيمين؟",
      ["a.stay_companion"] = "(يجيب الرجل.) عند العائلة. العنوان في هاتفي في مكان ما.",
      ["a.stay_alone"] = "لا أعرف العنوان. قال إن هناك غرفة فوق المطعم، مع فتيات أخريات.",
      ["q.visa"] = "من قدّم طلب تأشيرتك؟",
      ["a.visa_companion"] = "(يجيب الرجل.) قدّمناه معًا في القنصلية. كل شيء قانوني.",
      ["a.visa_alone"] = "هو. أنا وقّعت فقط. قال إن تأشيرة العمل تستغرق وقتًا طويلًا.",
      ["q.phone"] = "هل معكِ هاتفك ومال خاص بك؟",
      ["a.phone_companion"] = "(يجيب الرجل.) ليس معها هاتف هنا؛ أحتفظ بهاتفها، فهي تضيّع كل شيء.",
      ["a.free_companion"] = "(يجيب الرجل قبلها.) طبعًا هي حرّة. لماذا تسأل هذا؟",
      ["a.phone"] = "لا. هاتفي معه. ليس معي مال؛ هو دفع كل شيء.",
      ["q.free"] = "هل أنتِ حرّة في المغادرة متى شئتِ؟",
      ["a.free"] = "لا أعرف... قال إنني إن لم أعمل فعلى عائلتي أن تدفع. أرجوك لا تخبره أنني قلت لك.",
    },
  },
}
