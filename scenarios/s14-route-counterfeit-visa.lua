-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s14-route-counterfeit-visa.lua
-- A genuine Wahati passport with a counterfeit Utopian visa (dot-screen print,
-- printed watermark). She says she flew in directly from El Qasra; her
-- boarding pass says Nordhaven, where an "agent" sold her the visa.
-- Her passport's stamps tell the route too: out of Wahat on 8 May, into
-- Nordavia the same day, out of Nordavia this morning. The visa is stuck on
-- page 5 of her passport.
return scenario {
  id = "s14-route-counterfeit-visa",
  title = "title",
  summary = "summary",
  competencies = { "document_examination", "interview" },
  situations = {},
  difficulty = 3,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",

  traveler = {
    age = 38, sex = "F",
    speaks = { "ar", "en" },
    impostor = 0,
    companion = false,
    carries = { "carries.shopping_bag", "carries.boarding_pass" },
  },

  documents = {
    { template = "qwh-passport-td3", seed = 14001, holder = { sex = "F", birth_date = "1987-12-07" },
      travel = {
        { port = "EL QASRA INTERNATIONAL", state = "QWH", date = "2026-05-08", direction = "exit" },
        { port = "NORDHAVEN AIRPORT", state = "QNV", date = "2026-05-08", direction = "entry" },
        { port = "NORDHAVEN AIRPORT", state = "QNV", date = "2026-06-01", direction = "exit" },
      } },
    { template = "uto-visa-mrva", seed = 14002, same_holder = true, page = 5,
      defects = { "halftone_print", "printed_watermark" } },
  },

  questions = {
    { id = "purpose", text = "q.purpose", answer = "a.purpose" },
    { id = "from", text = "q.from", answer = "a.from" },
    { id = "boarding", text = "q.boarding", after = "from", answer = "a.boarding" },
    { id = "nordavia", text = "q.nordavia", after = "boarding",
      answer = {
        { when = { flagged = "counterfeit" }, say = "a.nordavia_caught" },
        { when = { light = "transmitted" }, say = "a.nordavia_caught" },
        { say = "a.nordavia" },
      } },
    { id = "visa_where", text = "q.visa_where", answer = "a.visa_where" },
  },

  expected = {
    decision = "refuse",
    accept = { "second_line" }, -- a first-line officer may leave the refusal to second line
    findings = { "halftone_print", "printed_watermark" },
    ask = { "from", "boarding", "visa_where" },
    lights = { "transmitted" },
    why = "why",
  },
  rubric = { document_examination = 45, interview = 35, human_rights = 5, procedure = 15 },

  strings = {
    en = {
      title = "A direct flight",
      summary = "A counterfeit visa in a genuine passport, and a route that does not match the boarding pass.",
      why = "The visa is counterfeit (dot-screen background; watermark printed, flat in transmitted light), and her route through Nordavia contradicts her story. Without a valid visa, refuse entry: retain the false visa as evidence and give her the reasons in writing with the right to appeal.",
      ["carries.boarding_pass"] = "Boarding pass in her bag: Nordhaven – Citadel, today",
      ["carries.shopping_bag"] = "A Nordhaven shopping bag",
      ["q.purpose"] = "What is the purpose of your visit?",
      ["a.purpose"] = "Tourism, two weeks. I've always wanted to see Citadel.",
      ["q.from"] = "Where have you flown in from?",
      ["a.from"] = "Directly from El Qasra. It was a long flight.",
      ["q.boarding"] = "May I see your boarding pass?",
      ["a.boarding"] = "(She hesitates, then hands it over.) Ah, this one says Nordhaven. I changed planes there. It's the same trip.",
      ["q.nordavia"] = "How long were you in Nordavia?",
      ["a.nordavia"] = "Only a few days. I visited a friend.",
      ["a.nordavia_caught"] = "(She lowers her eyes.) Three weeks. A man there said he could get a Utopian visa quickly. I paid him eight hundred. Is it not real?",
      ["q.visa_where"] = "Where did you apply for your visa?",
      ["a.visa_where"] = "Through an agency. They did everything; I only gave them my passport.",
    },
    fr = {
      title = "Un vol direct",
      summary = "Un faux visa dans un vrai passeport, et un itinéraire qui ne correspond pas à la carte d'embarquement.",
      why = "Le visa est contrefait (fond tramé ; filigrane imprimé, plat en lumière transmise), et son passage par la Nordavie contredit son récit. Sans visa valide, refus d'entrée : conservez le faux visa comme preuve et remettez-lui les motifs par écrit avec les voies de recours.",
      ["carries.boarding_pass"] = "Son billet : vol Nordhaven – Citadel, ce jour",
      ["carries.shopping_bag"] = "Un sac acheté à Nordhaven",
      ["q.purpose"] = "Quel est le but de votre séjour ?",
      ["a.purpose"] = "Tourisme, deux semaines. J'ai toujours voulu voir Citadel.",
      ["q.from"] = "D'où arrivez-vous en avion ?",
      ["a.from"] = "Directement d'El Qasra. Le vol était long.",
      ["q.boarding"] = "Puis-je voir votre carte d'embarquement ?",
      ["a.boarding"] = "(Elle hésite, puis la tend.) Ah, celle-ci indique Nordhaven. J'ai changé d'avion là-bas. C'est le même voyage.",
      ["q.nordavia"] = "Combien de temps étiez-vous en Nordavie ?",
      ["a.nordavia"] = "Quelques jours seulement. J'ai rendu visite à une amie.",
      ["a.nordavia_caught"] = "(Elle baisse les yeux.) Trois semaines. Un homme là-bas disait pouvoir obtenir vite un visa utopien. Je l'ai payé huit cents. Il est faux ?",
      ["q.visa_where"] = "Où avez-vous demandé votre visa ?",
      ["a.visa_where"] = "Par une agence. Ils ont tout fait ; je leur ai seulement donné mon passeport.",
    },
    ar = {
      title = "رحلة مباشرة",
      summary = "تأشيرة مزوّرة في جواز سفر أصلي، ومسار لا يطابق بطاقة الصعود إلى الطائرة.",
      why = "التأشيرة مزوّرة (خلفية بشبكة نقاط، وعلامة مائية مطبوعة تبدو مسطّحة في الضوء النافذ)، ومرورها بنوردافيا يناقض روايتها. دون تأشيرة صالحة يُرفض الدخول: احتفظ بالتأشيرة المزوّرة دليلًا، وسلّمها أسباب الرفض مكتوبة مع بيان حقها في الطعن.",
      ["carries.boarding_pass"] = "بطاقة صعود في حقيبتها: نوردهافن – سيتاديل، اليوم",
      ["carries.shopping_bag"] = "كيس تسوّق من نوردهافن",
      ["q.purpose"] = "ما الغرض من زيارتك؟",
      ["a.purpose"] = "سياحة، أسبوعان. لطالما رغبت في رؤية سيتاديل.",
      ["q.from"] = "من أين وصلتِ بالطائرة؟",
      ["a.from"] = "مباشرة من القصرة. كانت رحلة طويلة.",
      ["q.boarding"] = "هل يمكنني رؤية بطاقة الصعود؟",
      ["a.boarding"] = "(تتردّد ثم تناولها.) آه، هذه مكتوب عليها نوردهافن. غيّرت الطائرة هناك. إنها الرحلة نفسها.",
      ["q.nordavia"] = "كم بقيتِ في نوردافيا؟",
      ["a.nordavia"] = "بضعة أيام فقط. زرت صديقة.",
      ["a.nordavia_caught"] = "(تخفض عينيها.) ثلاثة أسابيع. قال رجل هناك إنه يستطيع الحصول على تأشيرة يوتوبيا بسرعة. دفعت له ثمانمئة. أليست حقيقية؟",
      ["q.visa_where"] = "أين قدّمتِ طلب التأشيرة؟",
      ["a.visa_where"] = "عن طريق وكالة. تولّوا كل شيء؛ أعطيتهم جوازي فقط.",
    },
  },
}
