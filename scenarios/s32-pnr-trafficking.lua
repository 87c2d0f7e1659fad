-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s32-pnr-trafficking.lua
-- Key facts: RANIA AMER, 19, Wahati, genuine passport and short-stay (C)
-- visa, arrives on NA 412 with a man of 44 who says he is her employer and
-- answers for her. Her booking (PNR): one-way tickets for her and two other
-- young women (20 and 21), paid in cash two days before by a third party,
-- SAFWA STAFFING (his agency): the published rule for the recruiter's pattern
-- hits. The booking also asks for a Muslim meal (MOML): a religious datum that
-- says nothing about her and must never be used (built in:
-- used_sensitive_data; asking about it is forbidden here). Alone (C), she
-- speaks of a job, a debt and her passport kept by him. Expected: protection,
-- trafficking, after hearing her alone; the PNR hit is a reason to look,
-- reviewed by a person, never a decision by itself.
return scenario {
  id = "s32-pnr-trafficking",
  title = "title",
  summary = "summary",
  competencies = { "human_rights", "interview", "procedure" },
  situations = { "trafficking" },
  difficulty = 4,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",
  place = "airport",

  traveler = {
    age = 19, sex = "F",
    speaks = { "ar", "en" },
    companion = { relationship = "employer", sex = "M", age = 44 },
    carries = { "carries.small_bag" },
  },

  documents = {
    { template = "qwh-passport-td3", seed = 32001,
      holder = { surname = "AMER", given_names = "RANIA", surname_native = "عامر",
                 given_names_native = "رانيا", birth_date = "2007-03-12" } },
    { template = "uto-visa-mrva", seed = 32002, same_holder = true,
      visa = { category = "C", entries = "1", duration_days = 30 } },
    { template = "qwh-passport-td3", seed = 32003, companion = true },
  },

  flight = {
    carrier = "NA", number = "412", from = "NHV", to = "VLM",
    departs = "09:10", arrives = "12:40", passengers = 120, seed = 32004,
    booking = "T3H9XP", seat = "31B",
  },

  -- booked two days before, cash from his agency, one way, three young women
  pnr = {
    booked = "2026-05-30", payment = "cash", payer = "third_party",
    payer_name = "SAFWA STAFFING", one_way = true, meal = "MOML", bags = 1,
    checkin = "checked_in",
    co_travellers = {
      { surname = "KHALIL", given_names = "HIBA", age = 20 },
      { surname = "NASSAR", given_names = "DUNYA", age = 21 },
    },
    changes = { "2026-05-30 booked" },
  },

  questions = {
    { id = "purpose", text = "q.purpose",
      answer = {
        { when = { separated = true }, say = "a.purpose_alone" },
        { say = "a.purpose_companion" },
      } },
    { id = "ticket", text = "q.ticket",
      answer = {
        { when = { separated = true }, say = "a.ticket_alone" },
        { say = "a.ticket_companion" },
      } },
    { id = "passport", text = "q.passport", must = true, competency = "human_rights",
      answer = {
        { when = { separated = true }, say = "a.passport_alone" },
        { say = "a.passport_companion" },
      } },
    { id = "debt", text = "q.debt",
      answer = {
        { when = { separated = true }, say = "a.debt_alone" },
        { say = "a.debt_companion" },
      } },
    { id = "others", text = "q.others",
      answer = {
        { when = { separated = true }, say = "a.others_alone" },
        { say = "a.others_companion" },
      } },
    -- the booking's meal code says nothing about her: never ask about it
    { id = "meal", text = "q.meal", forbidden = true, answer = "a.meal" },
  },

  expected = {
    decision = "protection",
    protection = "trafficking",
    findings = {},
    ask = { "purpose", "ticket", "passport", "debt" },
    lights = { "uv" },
    why = "why",
  },
  rubric = { document_examination = 10, interview = 30, human_rights = 40, procedure = 20 },

  strings = {
    en = {
      title = "Three one-way tickets",
      summary = "A booking paid in cash by an agency for three young women; the man who paid answers for her.",
      why = "The PNR rule hit (one-way tickets paid in cash by a third party two days before, for three young women) is a reason to look, reviewed by a person, not a decision; the meal code says nothing about her and is never used. Heard alone, she describes a job promised, a debt to repay and her passport kept by the man: indicators of trafficking. Refer her to trafficking protection; she is a possible victim, not an offender.",
      ["carries.small_bag"] = "A small bag; no phone",
      ["q.purpose"] = "What is the purpose of your visit?",
      ["a.purpose_companion"] = "(The man answers for her.) She works for my agency. A hotel job, three months. Everything is arranged.",
      ["a.purpose_alone"] = "He said cleaning in a hotel, good wages. The contract is in his bag; I have not read it. But my visa says tourism...",
      ["q.ticket"] = "Who paid for your ticket?",
      ["a.ticket_companion"] = "(The man answers.) The agency, of course. We look after our staff.",
      ["a.ticket_alone"] = "He did, in cash, for me and the two other girls. Only one way. He said I pay it back from my wages.",
      ["q.passport"] = "Who keeps your passport?",
      ["a.passport_companion"] = "(The man answers.) I keep the documents for the group. It is simpler; girls lose things.",
      ["a.passport_alone"] = "He does. He gave it to me only for this counter. In Nordhaven he kept it too.",
      ["q.debt"] = "Do you owe anyone money for this trip?",
      ["a.debt_companion"] = "(The man laughs.) Nobody owes anything. What a question.",
      ["a.debt_alone"] = "Three thousand: the ticket, the visa, the agency. He says it takes a year of work. If I stop, my mother pays.",
      ["q.others"] = "Where are the two other women?",
      ["a.others_companion"] = "(The man answers.) At the next desk, with my colleague. They are fine.",
      ["a.others_alone"] = "Hiba and Dunya. His friend took them to the other line. We must not talk on the phone. Please help them too.",
      ["q.meal"] = "Your booking asks for a Muslim meal: are you Muslim?",
      ["a.meal"] = "(She looks down.) Why does that matter?",
    },
    fr = {
      title = "Trois allers simples",
      summary = "Une réservation payée en espèces par une agence pour trois jeunes femmes ; l'homme qui a payé répond pour elle.",
      why = "La règle PNR déclenchée (allers simples payés en espèces par un tiers deux jours avant, pour trois jeunes femmes) est une raison de regarder, examinée par une personne, pas une décision ; le code repas ne dit rien d'elle et ne sert jamais. Entendue seule, elle parle d'un emploi promis, d'une dette à rembourser et de son passeport gardé par l'homme : des indicateurs de traite. Orientez-la vers la protection des victimes de la traite ; c'est une victime possible, pas une délinquante.",
      ["carries.small_bag"] = "Un petit sac ; pas de téléphone",
      ["q.purpose"] = "Quel est le but de votre séjour ?",
      ["a.purpose_companion"] = "(L'homme répond pour elle.) Elle travaille pour mon agence. Un emploi dans un hôtel, trois mois. Tout est arrangé.",
      ["a.purpose_alone"] = "Il a parlé de ménage dans un hôtel, bien payé. Le contrat est dans son sac ; je ne l'ai pas lu. Mais mon visa dit tourisme...",
      ["q.ticket"] = "Qui a payé votre billet ?",
      ["a.ticket_companion"] = "(L'homme répond.) L'agence, bien sûr. Nous prenons soin de notre personnel.",
      ["a.ticket_alone"] = "Lui, en espèces, pour moi et les deux autres filles. Un aller simple. Il a dit que je rembourse sur mon salaire.",
      ["q.passport"] = "Qui garde votre passeport ?",
      ["a.passport_companion"] = "(L'homme répond.) Je garde les documents du groupe. C'est plus simple ; les filles perdent tout.",
      ["a.passport_alone"] = "Lui. Il me l'a donné seulement pour ce guichet. À Nordhaven aussi, il le gardait.",
      ["q.debt"] = "Devez-vous de l'argent à quelqu'un pour ce voyage ?",
      ["a.debt_companion"] = "(L'homme rit.) Personne ne doit rien. Quelle question.",
      ["a.debt_alone"] = "Trois mille : le billet, le visa, l'agence. Il dit qu'il faut un an de travail. Si j'arrête, c'est ma mère qui paie.",
      ["q.others"] = "Où sont les deux autres femmes ?",
      ["a.others_companion"] = "(L'homme répond.) Au guichet d'à côté, avec mon collègue. Elles vont bien.",
      ["a.others_alone"] = "Hiba et Dunya. Son ami les a emmenées dans l'autre file. Nous n'avons pas le droit de téléphoner. Aidez-les aussi, s'il vous plaît.",
      ["q.meal"] = "Repas musulman réservé : êtes-vous musulmane ?",
      ["a.meal"] = "(Elle baisse les yeux.) Qu'est-ce que ça change ?",
    },
    ar = {
      title = "ثلاث تذاكر ذهاب فقط",
      summary = "حجز دفعته وكالة نقدًا لثلاث شابات؛ والرجل الذي دفع يجيب عنها.",
      why = "تطابق قاعدة سجل الحجز (تذاكر ذهاب فقط دفعها طرف ثالث نقدًا قبل يومين، لثلاث شابات) سبب للنظر يراجعه إنسان، لا قرار؛ ورمز الوجبة لا يقول شيئًا عنها ولا يُستعمل أبدًا. حين تُسمَع على انفراد تتحدّث عن عمل موعود، ودَين عليها سداده، وجواز يحتفظ به الرجل: مؤشرات على الاتجار بالبشر. أحِلها إلى حماية ضحايا الاتجار؛ فهي ضحية محتملة لا مخالفة.",
      ["carries.small_bag"] = "حقيبة صغيرة؛ لا هاتف",
      ["q.purpose"] = "ما الغرض من زيارتك؟",
      ["a.purpose_companion"] = "(يجيب الرجل عنها.) تعمل لدى وكالتي. عمل في فندق، ثلاثة أشهر. كل شيء مرتّب.",
      ["a.purpose_alone"] = "قال تنظيف في فندق، بأجر جيد. العقد في حقيبته؛ لم أقرأه. لكن تأشيرتي تقول سياحة...",
      ["q.ticket"] = "من دفع ثمن تذكرتك؟",
      ["a.ticket_companion"] = "(يجيب الرجل.) الوكالة طبعًا. نحن نهتمّ بموظفينا.",
      ["a.ticket_alone"] = "هو، نقدًا، لي وللفتاتين الأخريين. ذهاب فقط. قال إنني أسدّده من أجري.",
      ["q.passport"] = "من يحتفظ بجوازك؟",
      ["a.passport_companion"] = "(يجيب الرجل.) أحتفظ بوثائق المجموعة. هذا أسهل؛ البنات يضيّعن كل شيء.",
      ["a.passport_alone"] = "هو. أعطاني إياه لهذا الشباك فقط. وفي نوردهافن كان يحتفظ به أيضًا.",
      ["q.debt"] = "هل أنتِ مدينة لأحد بمال من أجل هذه الرحلة؟",
      ["a.debt_companion"] = "(يضحك الرجل.) لا أحد مدين بشيء. يا له من سؤال.",
      ["a.debt_alone"] = "ثلاثة آلاف: التذكرة والتأشيرة والوكالة. يقول إن ذلك يحتاج إلى سنة عمل. إن توقّفت تدفع أمي.",
      ["q.others"] = "أين المرأتان الأخريان؟",
      ["a.others_companion"] = "(يجيب الرجل.) عند الشباك المجاور مع زميلي. إنهما بخير.",
      ["a.others_alone"] = "هبة ودنيا. أخذهما صديقه إلى الطابور الآخر. ممنوع علينا الكلام بالهاتف. أرجوك ساعدهما أيضًا.",
      ["q.meal"] = "حجزك يطلب وجبة إسلامية: هل أنتِ مسلمة؟",
      ["a.meal"] = "(تخفض عينيها.) وما أهمية ذلك؟",
    },
  },
}
