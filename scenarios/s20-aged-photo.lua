-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s20-aged-photo.lua
-- A Utopian citizen comes home from a conference. The automated gate
-- rejected him on the face match: his passport was issued in March 2018 (it
-- is valid ten years, until March 2028), its photo is eight years old, and
-- he now wears a beard and glasses. He is the holder. The desk reviews the
-- gate's rejection: the chip is genuine, its portrait is the printed one,
-- and the stable features of the face agree once his glasses are off.
return scenario {
  id = "s20-aged-photo",
  title = "title",
  summary = "summary",
  competencies = { "document_examination", "interview" },
  situations = {},
  difficulty = 2,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",
  place = "airport",

  traveler = {
    age = 46, sex = "M",
    speaks = { "en", "fr" },
    impostor = 0,
    companion = false,
    status = "citizen",
    -- the holder himself, photographed eight years ago without beard or glasses
    face = { relation = "aged", years = 8, beard = true, glasses = true },
    gate = true,              -- the gate rejected him on the face match
    carries = { "carries.laptop" },
  },

  documents = {
    -- seed 20008: issued 2018-03-03, valid until 2028-03-02 (ten years)
    { template = "uto-passport-td3", seed = 20008,
      holder = { surname = "DUMONTEL", given_names = "LUCAS", birth_date = "1980-03-14",
                 place_of_birth = "VALMORE" } },
  },

  questions = {
    { id = "gate", text = "q.gate", answer = "a.gate" },
    { id = "glasses", text = "q.glasses", answer = "a.glasses" },
    { id = "from", text = "q.from", answer = "a.from" },
    { id = "birth", text = "q.birth", answer = "a.birth" },
    { id = "born", text = "q.born", answer = "a.born" },
    { id = "photo", text = "q.photo", after = { opened = 1 }, answer = "a.photo" },
    { id = "live", text = "q.live", answer = "a.live" },
  },

  expected = {
    decision = "admit",
    findings = {},
    ask = { "glasses", "birth", "born" },
    lights = { "uv" },
    -- the gate's doubt is about the face: the portrait against the man, F
    steps = { "face" },
    why = "why",
  },
  rubric = { document_examination = 45, interview = 25, human_rights = 10, procedure = 20 },

  strings = {
    en = {
      title = "Eight years older",
      summary = "The automated gate rejected a Utopian citizen: his passport photo is eight years old, and he now wears a beard and glasses.",
      why = "The gate's rejection is a reason to look, not a finding: an eight-year-old photo, a new beard and glasses lower its score. Without the glasses, the stable features agree (ears, nose, eye spacing, face shape); the chip is genuine and holds the same portrait; he knows the holder's particulars. He is the holder, a citizen coming home: admit him.",
      ["carries.laptop"] = "A laptop bag and a conference lanyard",
      ["q.gate"] = "The gate did not accept you. Has that happened before?",
      ["a.gate"] = "Every time since I grew the beard. It opens for my wife and never for me. Last time your colleague let me through in a minute.",
      ["q.glasses"] = "Please take off your glasses and look at the camera.",
      ["a.glasses"] = "(He takes off his glasses, pushes his hair back and looks straight at the camera.) Like this?",
      ["q.from"] = "Where are you travelling from?",
      ["a.from"] = "From Nordhaven. Four days at a software conference; I gave a talk on the second day.",
      ["q.birth"] = "What is your date of birth?",
      ["a.birth"] = "The fourteenth of March, 1980.",
      ["q.born"] = "Where were you born?",
      ["a.born"] = "In Valmore. My parents still live there.",
      ["q.photo"] = "When was the photo in your passport taken?",
      ["a.photo"] = "In 2018, when I renewed it. Eight years and a beard ago. It is still valid, isn't it? Until 2028.",
      ["q.live"] = "Where do you live?",
      ["a.live"] = "In Citadel, near the old harbour. I work in the IT department of a bank.",
    },
    fr = {
      title = "Huit ans de plus",
      summary = "Le sas automatique a rejeté un citoyen utopien : la photo de son passeport a huit ans, et il porte désormais barbe et lunettes.",
      why = "Le rejet du sas est une raison de regarder, pas un constat : une photo de huit ans, une barbe récente et des lunettes font baisser son score. Sans les lunettes, les traits stables concordent (oreilles, nez, écartement des yeux, forme du visage) ; la puce est authentique et contient le même portrait ; il connaît les données du titulaire. C'est le titulaire, un citoyen qui rentre : admettez-le.",
      ["carries.laptop"] = "Une sacoche d'ordinateur et un badge de conférence",
      ["q.gate"] = "Le sas ne vous a pas accepté. Cela vous est-il déjà arrivé ?",
      ["a.gate"] = "À chaque fois depuis que j'ai la barbe. Il s'ouvre pour ma femme, jamais pour moi. La dernière fois, votre collègue m'a laissé passer en une minute.",
      ["q.glasses"] = "Retirez vos lunettes et regardez la caméra, s'il vous plaît.",
      ["a.glasses"] = "(Il retire ses lunettes, repousse ses cheveux et regarde la caméra bien en face.) Comme ça ?",
      ["q.from"] = "D'où arrivez-vous ?",
      ["a.from"] = "De Nordhaven. Quatre jours de conférence sur le logiciel ; j'ai fait un exposé le deuxième jour.",
      ["q.birth"] = "Quelle est votre date de naissance ?",
      ["a.birth"] = "Le quatorze mars 1980.",
      ["q.born"] = "Où êtes-vous né ?",
      ["a.born"] = "À Valmore. Mes parents y habitent toujours.",
      ["q.photo"] = "Quand la photo de votre passeport a-t-elle été prise ?",
      ["a.photo"] = "En 2018, quand je l'ai renouvelé. Il y a huit ans et une barbe. Il est encore valable, non ? Jusqu'en 2028.",
      ["q.live"] = "Où habitez-vous ?",
      ["a.live"] = "À Citadel, près du vieux port. Je travaille au service informatique d'une banque.",
    },
    ar = {
      title = "أكبر بثماني سنوات",
      summary = "رفضت البوابة الآلية مواطنًا من يوتوبيا: عمر صورة جوازه ثماني سنوات، وهو الآن ملتحٍ ويضع نظارة.",
      why = "رفض البوابة سبب للنظر لا نتيجة: صورة عمرها ثماني سنوات ولحية جديدة ونظارة تخفض درجتها. ومن دون النظارة تتطابق السمات الثابتة (الأذنان والأنف والمسافة بين العينين وشكل الوجه)، والشريحة أصلية وتحمل الصورة نفسها، وهو يعرف بيانات صاحب الجواز. إنه صاحبه، مواطن عائد إلى بلده: اسمح له بالدخول.",
      ["carries.laptop"] = "حقيبة حاسوب وشارة مؤتمر",
      ["q.gate"] = "لم تقبلك البوابة. هل حدث هذا من قبل؟",
      ["a.gate"] = "في كل مرة منذ أطلقت لحيتي. تُفتح لزوجتي ولا تُفتح لي أبدًا. في المرة الماضية سمح لي زميلك بالمرور في دقيقة.",
      ["q.glasses"] = "انزع نظارتك من فضلك وانظر إلى الكاميرا.",
      ["a.glasses"] = "(ينزع نظارته ويرجع شعره إلى الخلف وينظر إلى الكاميرا مباشرة.) هكذا؟",
      ["q.from"] = "من أين أنت قادم؟",
      ["a.from"] = "من نوردهافن. أربعة أيام في مؤتمر للبرمجيات؛ ألقيت محاضرة في اليوم الثاني.",
      ["q.birth"] = "ما تاريخ ميلادك؟",
      ["a.birth"] = "الرابع عشر من مارس ١٩٨٠.",
      ["q.born"] = "أين وُلدت؟",
      ["a.born"] = "في فالمور. والداي ما زالا يعيشان هناك.",
      ["q.photo"] = "متى التُقطت الصورة التي في جوازك؟",
      ["a.photo"] = "في 2018، عندما جدّدته. قبل ثماني سنوات ولحية. ما زال ساريًا، أليس كذلك؟ حتى 2028.",
      ["q.live"] = "أين تسكن؟",
      ["a.live"] = "في سيتاديل، قرب الميناء القديم. أعمل في قسم تقنية المعلومات في أحد المصارف.",
    },
  },
}
