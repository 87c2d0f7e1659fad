-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s01-citizen-returning.lua
-- A Utopian citizen comes home from a week abroad. Everything is in order.
return scenario {
  id = "s01-citizen-returning",
  title = "title",
  summary = "summary",
  competencies = { "document_examination", "procedure" },
  situations = {},
  difficulty = 1,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",

  traveler = {
    age = 54, sex = "F",
    speaks = { "en", "fr" },
    impostor = 0,
    companion = false,
    status = "citizen",
    carries = { "carries.suitcase" },
  },

  documents = {
    { template = "uto-passport-td3", seed = 1001 },
  },

  questions = {
    { id = "from", text = "q.from", answer = "a.from" },
    { id = "length", text = "q.length", answer = "a.length" },
    { id = "live", text = "q.live", answer = "a.live" },
    { id = "declare", text = "q.declare", answer = "a.declare" },
  },

  expected = {
    decision = "admit",
    findings = {},
    ask = { "from" },
    lights = { "uv" },
    why = "why",
  },
  rubric = { document_examination = 50, interview = 15, human_rights = 10, procedure = 25 },

  strings = {
    en = {
      title = "Coming home",
      summary = "A Utopian citizen returns from a week abroad with a genuine passport.",
      why = "A citizen with a genuine, valid passport and a consistent account: admit without delay. Everyone has the right to enter their own country; the check is routine, not suspicion.",
      ["carries.suitcase"] = "A small suitcase",
      ["q.from"] = "Where are you travelling from?",
      ["a.from"] = "From Nordhaven. I spent a week with my sister; she has just had an operation on her knee.",
      ["q.length"] = "How long were you away?",
      ["a.length"] = "Eight days. I left on the twenty-fourth.",
      ["q.live"] = "Where do you live?",
      ["a.live"] = "In Lindor, same as always.",
      ["q.declare"] = "Anything to declare?",
      ["a.declare"] = "Just a box of Nordavian biscuits for my neighbours. Nothing else.",
    },
    fr = {
      title = "Retour à la maison",
      summary = "Une citoyenne utopienne rentre d'une semaine à l'étranger avec un passeport authentique.",
      why = "Une citoyenne munie d'un passeport authentique et valide, au récit cohérent : on l'admet sans délai. Toute personne a le droit d'entrer dans son propre pays ; le contrôle est une routine, pas un soupçon.",
      ["carries.suitcase"] = "Une petite valise",
      ["q.from"] = "D'où arrivez-vous ?",
      ["a.from"] = "De Nordhaven. J'ai passé une semaine chez ma sœur ; elle vient de se faire opérer du genou.",
      ["q.length"] = "Combien de temps êtes-vous partie ?",
      ["a.length"] = "Huit jours. Je suis partie le vingt-quatre.",
      ["q.live"] = "Où habitez-vous ?",
      ["a.live"] = "À Lindor, comme toujours.",
      ["q.declare"] = "Avez-vous quelque chose à déclarer ?",
      ["a.declare"] = "Juste une boîte de biscuits nordaviens pour mes voisins. Rien d'autre.",
    },
    ar = {
      title = "العودة إلى الوطن",
      summary = "مواطنة من يوتوبيا تعود بعد أسبوع في الخارج بجواز سفر أصلي.",
      why = "مواطنة تحمل جواز سفر أصليًا وساري المفعول، وروايتها متّسقة: يُسمح لها بالدخول دون تأخير. لكل شخص الحق في دخول بلده؛ والتفتيش إجراء روتيني لا شبهة.",
      ["carries.suitcase"] = "حقيبة سفر صغيرة",
      ["q.from"] = "من أين أنتِ قادمة؟",
      ["a.from"] = "من نوردهافن. قضيت أسبوعًا عند أختي؛ فقد أجرت للتوّ عملية في ركبتها.",
      ["q.length"] = "كم من الوقت غبتِ؟",
      ["a.length"] = "ثمانية أيام. سافرت في الرابع والعشرين.",
      ["q.live"] = "أين تسكنين؟",
      ["a.live"] = "في ليندور، كما هو الحال دائمًا.",
      ["q.declare"] = "هل لديكِ ما تصرّحين به؟",
      ["a.declare"] = "علبة بسكويت من نوردافيا لجيراني فقط. لا شيء غير ذلك.",
    },
  },
}
