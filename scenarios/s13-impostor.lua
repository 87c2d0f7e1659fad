-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s13-impostor.lua
-- A genuine Wahati passport with a genuine long-stay (D) student visa, but
-- the man at the counter is not its holder: a lookalike (impostor 0.6). The
-- documents pass every light; the face, the signature and the story do not.
return scenario {
  id = "s13-impostor",
  title = "title",
  summary = "summary",
  competencies = { "document_examination", "interview" },
  situations = {},
  difficulty = 4,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",

  traveler = {
    age = 31, sex = "M",
    speaks = { "ar", "en" },
    impostor = 0.6,
    companion = false,
    carries = { "carries.suitcase" },
  },

  documents = {
    { template = "qwh-passport-td3", seed = 13001, holder = { sex = "M", birth_date = "1994-09-24" } },
    { template = "uto-visa-mrva", seed = 13002, same_holder = true },
  },

  questions = {
    { id = "purpose", text = "q.purpose", answer = "a.purpose" },
    { id = "visa", text = "q.visa", after = "purpose", answer = "a.visa" },
    { id = "studies", text = "q.studies",
      answer = function(ctx)
        if ctx.asked("visa") then return "a.studies_pressed" end
        return "a.studies"
      end },
    { id = "birth", text = "q.birth", answer = "a.birth" },
    { id = "born", text = "q.born", after = "birth", answer = "a.born" },
    { id = "sign", text = "q.sign", answer = "a.sign" },
  },

  expected = {
    decision = "second_line",
    findings = {},
    ask = { "purpose", "visa", "born", "sign" },
    lights = { "uv" },
    -- the documents are genuine: the evidence is the face against the photo
    -- (the loupe on the portrait, or an impostor flag), F of F.A.L.S.E.D.O.C.
    steps = { "face" },
    why = "why",
  },
  rubric = { document_examination = 40, interview = 40, human_rights = 10, procedure = 10 },

  strings = {
    en = {
      title = "Almost the same face",
      summary = "Genuine passport, genuine visa, and a man who is not quite the person in the photo.",
      why = "The documents are genuine, but he is not their holder: the face differs on close comparison, he hesitates over the holder's place of birth, his signature does not match, and his week of tourism contradicts the holder's long-stay (D) study visa. Refer to second line to establish his identity; keep the documents, and stay courteous: suspicion is not proof.",
      ["carries.suitcase"] = "A new suitcase with the shop label still on it",
      ["q.purpose"] = "What is the purpose of your visit?",
      ["a.purpose"] = "Tourism. One week, to see the city.",
      ["q.visa"] = "Your visa is for a long stay. Why?",
      ["a.visa"] = "Ah... yes. Maybe also to study, later. My brother arranged the visa; I don't know exactly.",
      ["q.studies"] = "Are you here to study?",
      ["a.studies"] = "No, no. Just a holiday.",
      ["a.studies_pressed"] = "Something with computers... at the university. I don't remember the name of it.",
      ["q.birth"] = "What is your date of birth?",
      ["a.birth"] = "The twenty-fourth of September, 1994.",
      ["q.born"] = "And where were you born?",
      ["a.born"] = "In Ain Zarqa... no, sorry. Bir Najm. Bir Najm.",
      ["q.sign"] = "Please sign here, as in your passport.",
      ["a.sign"] = "(He glances at the passport while he signs, slowly. The letters lean the other way and the final stroke is missing.)",
    },
    fr = {
      title = "Presque le même visage",
      summary = "Passeport authentique, visa authentique, et un homme qui n'est pas tout à fait celui de la photo.",
      why = "Les documents sont authentiques, mais il n'en est pas le titulaire : le visage diffère à l'examen attentif, il hésite sur le lieu de naissance du titulaire, sa signature ne correspond pas, et sa semaine de tourisme contredit le visa de long séjour (D) pour études du titulaire. Orientez vers la deuxième ligne pour établir son identité ; retenez les documents et restez courtois : un soupçon n'est pas une preuve.",
      ["carries.suitcase"] = "Une valise neuve, l'étiquette du magasin encore attachée",
      ["q.purpose"] = "Quel est le but de votre séjour ?",
      ["a.purpose"] = "Tourisme. Une semaine, pour visiter la ville.",
      ["q.visa"] = "Pourquoi un visa de long séjour ?",
      ["a.visa"] = "Ah... oui. Peut-être pour étudier aussi, plus tard. C'est mon frère qui s'est occupé du visa ; je ne sais pas exactement.",
      ["q.studies"] = "Venez-vous pour étudier ?",
      ["a.studies"] = "Non, non. Juste des vacances.",
      ["a.studies_pressed"] = "Quelque chose en informatique... à l'université. Je ne me souviens plus du nom.",
      ["q.birth"] = "Quelle est votre date de naissance ?",
      ["a.birth"] = "Le vingt-quatre septembre 1994.",
      ["q.born"] = "Et où êtes-vous né ?",
      ["a.born"] = "À Aïn Zarqa... non, pardon. Bir Najm. Bir Najm.",
      ["q.sign"] = "Signez ici, comme dans votre passeport.",
      ["a.sign"] = "(Il jette des coups d'œil au passeport en signant, lentement. Les lettres penchent dans l'autre sens et le trait final manque.)",
    },
    ar = {
      title = "الوجه نفسه تقريبًا",
      summary = "جواز سفر أصلي وتأشيرة أصلية، ورجل ليس تمامًا صاحب الصورة.",
      why = "الوثائق أصلية، لكنه ليس صاحبها: يختلف الوجه عند المقارنة الدقيقة، ويتردّد في ذكر مكان ميلاد صاحب الجواز، وتوقيعه لا يطابق، وأسبوع السياحة الذي يذكره يناقض تأشيرة الإقامة الطويلة (D) للدراسة. أحِله إلى الخط الثاني للتحقق من هويته؛ احتفظ بالوثائق، وابقَ مهذبًا: الشبهة ليست دليلًا.",
      ["carries.suitcase"] = "حقيبة سفر جديدة ما زالت عليها بطاقة المتجر",
      ["q.purpose"] = "ما الغرض من زيارتك؟",
      ["a.purpose"] = "سياحة. أسبوع واحد لأرى المدينة.",
      ["q.visa"] = "تأشيرتك للإقامة الطويلة. لماذا؟",
      ["a.visa"] = "آه... نعم. ربما للدراسة أيضًا، لاحقًا. أخي هو من رتّب التأشيرة؛ لا أعرف بالضبط.",
      ["q.studies"] = "هل جئت للدراسة؟",
      ["a.studies"] = "لا، لا. مجرّد عطلة.",
      ["a.studies_pressed"] = "شيء في الحاسوب... في الجامعة. لا أتذكّر اسمها.",
      ["q.birth"] = "ما تاريخ ميلادك؟",
      ["a.birth"] = "الرابع والعشرون من سبتمبر ١٩٩٤.",
      ["q.born"] = "وأين وُلدت؟",
      ["a.born"] = "في عين زرقاء... لا، عفوًا. بئر نجم. بئر نجم.",
      ["q.sign"] = "وقّع هنا من فضلك، كما في جوازك.",
      ["a.sign"] = "(ينظر إلى الجواز خلسةً وهو يوقّع ببطء. الحروف مائلة في الاتجاه المعاكس، والجرّة الأخيرة ناقصة.)",
    },
  },
}
