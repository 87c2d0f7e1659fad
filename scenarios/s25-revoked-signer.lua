-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s25-revoked-signer.lua
-- A Wahati passport issued in April 2024 that passes every lamp, whose chip
-- holds his own data and photo. But the Document Security Object was signed
-- with a Document Signer key that Wahat revoked for key compromise: the
-- signer's certificate is on the Wahati CSCA's revocation list. Passports
-- signed with the stolen key may be genuine blanks personalised outside the
-- law. Only Wahat's issuing authority can say whether this one is theirs.
return scenario {
  id = "s25-revoked-signer",
  title = "title",
  summary = "summary",
  competencies = { "document_examination", "interview" },
  situations = {},
  difficulty = 4,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",
  place = "airport",

  traveler = {
    age = 37, sex = "M",
    speaks = { "ar", "en" },
    impostor = 0,
    companion = false,
    carries = { "carries.samples" },
  },

  documents = {
    -- issued 2024-04-14, in the quarter of the signer Wahat later revoked
    { template = "qwh-passport-td3", seed = 25023,
      holder = { surname = "YACOUBI", given_names = "OMAR", birth_date = "1988-10-30",
                 place_of_birth = "AIN ZARQA" },
      chip = { defect = "ds_revoked" } },
    { template = "uto-visa-mrva", seed = 25024, same_holder = true,
      visa = { category = "C", entries = "2", duration_days = 15 } },
  },

  questions = {
    { id = "purpose", text = "q.purpose", answer = "a.purpose" },
    { id = "length", text = "q.length", answer = "a.length" },
    { id = "issued", text = "q.issued", after = { opened = 1 }, answer = "a.issued" },
    { id = "quick", text = "q.quick", after = "issued", answer = "a.quick" },
    { id = "old", text = "q.old", after = "issued", answer = "a.old" },
    { id = "return", text = "q.return", answer = "a.return" },
  },

  expected = {
    decision = "second_line",
    findings = {},
    ask = { "purpose", "issued", "quick" },
    lights = { "uv" },
    why = "why",
  },
  rubric = { document_examination = 65, interview = 20, human_rights = 5, procedure = 10 },

  strings = {
    en = {
      title = "A key that was stolen",
      summary = "A Wahati passport that passes every lamp, signed with a key Wahat has revoked.",
      why = "The passport passes the lamps and the chip holds his own data, but passive authentication fails on one point: the Document Signer is on Wahat's revocation list, revoked in 2024 for key compromise. Passports signed with a stolen key may be genuine blanks issued outside the law. Neither refuse nor admit at the desk: refer him to second line, which asks Wahat whether it issued this passport.",
      ["carries.samples"] = "A roller bag and a book of fabric samples",
      ["q.purpose"] = "What is the purpose of your visit?",
      ["a.purpose"] = "Business. I buy cotton fabric for a clothing workshop; I have meetings with two suppliers in Citadel.",
      ["q.length"] = "How long will you stay?",
      ["a.length"] = "One week. The meetings are on Tuesday and Thursday.",
      ["q.issued"] = "Where was this passport issued?",
      ["a.issued"] = "In Ain Zarqa, two years ago. In the spring.",
      ["q.quick"] = "How long did it take to get it?",
      ["a.quick"] = "One day. My uncle knows people at the office. Normally it takes two months; I had a trip to make.",
      ["q.old"] = "Did you have a passport before this one?",
      ["a.old"] = "Yes, but I lost it, on a bus. I reported it to the police.",
      ["q.return"] = "When do you go back?",
      ["a.return"] = "Next Sunday, the evening flight to El Qasra.",
    },
    fr = {
      title = "Une clé volée",
      summary = "Un passeport de Wahat qui passe toutes les lampes, signé avec une clé que Wahat a révoquée.",
      why = "Le passeport passe les lampes et la puce contient ses propres données, mais l'authentification passive échoue sur un point : le signataire de document figure sur la liste de révocation de Wahat, révoqué en 2024 pour compromission de sa clé. Un passeport signé avec une clé volée peut être un vierge authentique délivré hors la loi. Ni refus ni admission au guichet : la deuxième ligne demandera à Wahat s'il l'a délivré.",
      ["carries.samples"] = "Une valise à roulettes et un classeur d'échantillons de tissu",
      ["q.purpose"] = "Quel est le but de votre séjour ?",
      ["a.purpose"] = "Les affaires. J'achète du tissu de coton pour un atelier de confection ; j'ai rendez-vous avec deux fournisseurs à Citadel.",
      ["q.length"] = "Combien de temps allez-vous rester ?",
      ["a.length"] = "Une semaine. Les rendez-vous sont mardi et jeudi.",
      ["q.issued"] = "Où ce passeport a-t-il été délivré ?",
      ["a.issued"] = "À Aïn Zarqa, il y a deux ans. Au printemps.",
      ["q.quick"] = "Combien de temps a-t-il fallu pour l'obtenir ?",
      ["a.quick"] = "Un jour. Mon oncle connaît des gens au bureau. D'habitude, il faut deux mois ; j'avais un voyage à faire.",
      ["q.old"] = "Aviez-vous un passeport avant celui-ci ?",
      ["a.old"] = "Oui, mais je l'ai perdu, dans un bus. Je l'ai déclaré à la police.",
      ["q.return"] = "Quand repartez-vous ?",
      ["a.return"] = "Dimanche prochain, par le vol du soir pour El Qasra.",
    },
    ar = {
      title = "مفتاح مسروق",
      summary = "جواز من الواحات ينجح تحت كل المصابيح، وموقّع بمفتاح ألغته الواحات.",
      why = "ينجح الجواز تحت المصابيح وتحمل الشريحة بياناته، لكن التحقق السلبي يفشل في نقطة واحدة: موقّع الوثائق مُدرج في قائمة الإلغاء لدى الواحات، وقد أُلغي في 2024 لاختراق مفتاحه. الجواز الموقّع بمفتاح مسروق قد يكون دفترًا أصليًا صدر خارج القانون. لا ترفض ولا تسمح عند الشباك: أحِله إلى الخط الثاني الذي يسأل الواحات هل أصدرته.",
      ["carries.samples"] = "حقيبة بعجلات ودفتر عينات أقمشة",
      ["q.purpose"] = "ما الغرض من زيارتك؟",
      ["a.purpose"] = "العمل. أشتري أقمشة قطنية لورشة خياطة؛ لديّ اجتماعان مع موردَين في سيتاديل.",
      ["q.length"] = "كم ستبقى؟",
      ["a.length"] = "أسبوعًا واحدًا. الاجتماعان يومي الثلاثاء والخميس.",
      ["q.issued"] = "أين صدر هذا الجواز؟",
      ["a.issued"] = "في عين زرقاء، قبل سنتين. في الربيع.",
      ["q.quick"] = "كم استغرق الحصول عليه؟",
      ["a.quick"] = "يومًا واحدًا. عمّي يعرف أناسًا في المكتب. عادةً يستغرق شهرين، وكانت لديّ رحلة.",
      ["q.old"] = "هل كان لديك جواز قبل هذا؟",
      ["a.old"] = "نعم، لكنني أضعته في حافلة. أبلغت الشرطة.",
      ["q.return"] = "متى ستعود؟",
      ["a.return"] = "يوم الأحد القادم، في رحلة المساء إلى القصرة.",
    },
  },
}
