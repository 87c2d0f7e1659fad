-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s16-metameric-id.lua
-- A high-quality counterfeit Utopian identity card: right paper, right UV,
-- right microtext. Only the metameric pair (does not split in IR) and the
-- flat intaglio (no relief under oblique light) give it away. The traveler's
-- story is smooth and proves nothing either way.
return scenario {
  id = "s16-metameric-id",
  title = "title",
  summary = "summary",
  competencies = { "document_examination", "procedure" },
  situations = {},
  difficulty = 5,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",

  traveler = {
    age = 29, sex = "M",
    speaks = { "en", "fr" },
    impostor = 0,
    companion = false,
    carries = { "carries.weekend_bag" },
  },

  documents = {
    { template = "uto-id-td1", seed = 16001,
      defects = { "metameric_mismatch", "intaglio_missing" } },
  },

  questions = {
    { id = "from", text = "q.from", answer = "a.from" },
    { id = "live", text = "q.live", answer = "a.live" },
    { id = "birth", text = "q.birth", answer = "a.birth" },
    { id = "card", text = "q.card",
      answer = function(ctx)
        if ctx.flagged("optical") or ctx.flagged("relief") then return "a.card_caught" end
        if ctx.light("ir") or ctx.light("oblique") then return "a.card_watching" end
        return "a.card"
      end },
  },

  expected = {
    decision = "second_line",
    findings = { "metameric_mismatch", "intaglio_missing" },
    ask = { "from" },
    lights = { "ir", "oblique" },
    why = "why",
  },
  rubric = { document_examination = 65, interview = 10, human_rights = 10, procedure = 15 },

  strings = {
    en = {
      title = "A very good card",
      summary = "A counterfeit ID card that passes UV and the loupe; IR and oblique light tell the truth.",
      why = "The metameric pair does not split in IR and the intaglio shows no relief under oblique light: a high-quality counterfeit, so refer to second line. A smooth story proves nothing, and asking for a lawyer is his right, not an admission.",
      ["carries.weekend_bag"] = "A weekend bag and a concert wristband",
      ["q.from"] = "Where are you travelling from?",
      ["a.from"] = "From Nordhaven. A weekend with friends; we went to a concert.",
      ["q.live"] = "Where do you live?",
      ["a.live"] = "In Citadel, near the university. I work in a bike shop.",
      ["q.birth"] = "What is your date of birth?",
      ["a.birth"] = "The thirty-first of March, 1997.",
      ["q.card"] = "When did you get this card?",
      ["a.card"] = "Three years ago, at the town hall in Citadel.",
      ["a.card_watching"] = "Three years ago, at the town hall. (He watches you turn the card under the lamp.) Is it taking long because of the queue?",
      ["a.card_caught"] = "(He goes quiet for a moment.) I think I'd like to speak to a lawyer.",
    },
    fr = {
      title = "Une très bonne carte",
      summary = "Une fausse carte d'identité qui passe l'UV et la loupe ; l'IR et la lumière rasante disent la vérité.",
      why = "La paire métamérique ne se sépare pas en IR et la taille-douce ne montre aucun relief en lumière rasante : contrefaçon de bonne qualité, orientez vers la deuxième ligne. Un récit fluide ne prouve rien, et demander un avocat est son droit, pas un aveu.",
      ["carries.weekend_bag"] = "Un sac de week-end et un bracelet de concert",
      ["q.from"] = "D'où arrivez-vous ?",
      ["a.from"] = "De Nordhaven. Un week-end entre amis ; on est allés à un concert.",
      ["q.live"] = "Où habitez-vous ?",
      ["a.live"] = "À Citadel, près de l'université. Je travaille dans un magasin de vélos.",
      ["q.birth"] = "Quelle est votre date de naissance ?",
      ["a.birth"] = "Le trente et un mars 1997.",
      ["q.card"] = "Quand avez-vous obtenu cette carte ?",
      ["a.card"] = "Il y a trois ans, à la mairie de Citadel.",
      ["a.card_watching"] = "Il y a trois ans, à la mairie. (Il vous regarde tourner la carte sous la lampe.) C'est long à cause de la file ?",
      ["a.card_caught"] = "(Il se tait un instant.) Je crois que je voudrais parler à un avocat.",
    },
    ar = {
      title = "بطاقة متقنة جدًا",
      summary = "بطاقة هوية مزوّرة تجتاز فحص الأشعة فوق البنفسجية والعدسة المكبّرة؛ والأشعة تحت الحمراء والضوء المائل يكشفان الحقيقة.",
      why = "لا ينفصل الزوج الميتاميري تحت الأشعة تحت الحمراء، ولا تُظهر الطباعة الغائرة أي بروز تحت الضوء المائل: تزوير عالي الجودة، فأحِله إلى الخط الثاني. الرواية السلسة لا تثبت شيئًا، وطلب محامٍ حقّ له وليس اعترافًا.",
      ["carries.weekend_bag"] = "حقيبة لعطلة نهاية الأسبوع وسوار حفل موسيقي",
      ["q.from"] = "من أين أنت قادم؟",
      ["a.from"] = "من نوردهافن. عطلة نهاية أسبوع مع أصدقاء؛ حضرنا حفلًا موسيقيًا.",
      ["q.live"] = "أين تسكن؟",
      ["a.live"] = "في سيتاديل، قرب الجامعة. أعمل في متجر درّاجات.",
      ["q.birth"] = "ما تاريخ ميلادك؟",
      ["a.birth"] = "الحادي والثلاثون من مارس ١٩٩٧.",
      ["q.card"] = "متى حصلت على هذه البطاقة؟",
      ["a.card"] = "قبل ثلاث سنوات، من البلدية في سيتاديل.",
      ["a.card_watching"] = "قبل ثلاث سنوات، من البلدية. (يراقبك وأنت تقلّب البطاقة تحت المصباح.) هل التأخير بسبب الطابور؟",
      ["a.card_caught"] = "(يصمت لحظة.) أظن أنني أريد التحدّث إلى محامٍ.",
    },
  },
}
