-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s04-counterfeit-paper.lua
-- A "Utopian" passport printed on ordinary office paper: it glows under UV,
-- and the UV emblem and security fibres are missing. A confident traveler.
return scenario {
  id = "s04-counterfeit-paper",
  title = "title",
  summary = "summary",
  competencies = { "document_examination", "procedure" },
  situations = {},
  difficulty = 2,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",

  traveler = {
    age = 54, sex = "M",
    speaks = { "en", "fr" },
    impostor = 0,
    companion = false,
    carries = { "carries.duty_free" },
  },

  documents = {
    { template = "uto-passport-td3", seed = 4003,
      defects = { "counterfeit_paper", "uv_emblem_missing", "fibres_missing" } },
  },

  questions = {
    { id = "from", text = "q.from", answer = "a.from" },
    { id = "work", text = "q.work", answer = "a.work" },
    { id = "live", text = "q.live", answer = "a.live" },
    { id = "issued", text = "q.issued", after = { opened = 1 }, -- about the passport: once it is open
      answer = function(ctx)
        if ctx.light("uv") then return "a.issued_uv" end
        return "a.issued"
      end },
  },

  expected = {
    decision = "second_line",
    findings = { "counterfeit_paper", "uv_emblem_missing", "fibres_missing" },
    ask = { "from" },
    lights = { "uv" },
    why = "why",
  },
  rubric = { document_examination = 60, interview = 10, human_rights = 5, procedure = 25 },

  strings = {
    en = {
      title = "Under the lamp",
      summary = "A Utopian passport that glows under UV: ordinary paper, no UV emblem, no fibres.",
      why = "Under UV the page glows blue-white (ordinary paper) and shows neither the UV emblem nor the security fibres: a counterfeit. Refer to second line for full examination and seizure of the document; whether he is Utopian must be established there, not assumed either way.",
      ["carries.duty_free"] = "A duty-free bag and a briefcase",
      ["q.from"] = "Where are you travelling from?",
      ["a.from"] = "From El Qasra. Two weeks of business.",
      ["q.work"] = "What do you do for a living?",
      ["a.work"] = "I import dried fruit: dates, apricots, figs. I go to Wahat three or four times a year.",
      ["q.live"] = "Where do you live?",
      ["a.live"] = "In Valmore, near the old port.",
      ["q.issued"] = "When was this passport issued?",
      ["a.issued"] = "A few years ago, at the town hall in Valmore. Is there a problem?",
      ["a.issued_uv"] = "Why are you shining that on it? It's a normal passport. I got it... two, three years ago, I don't remember exactly.",
    },
    fr = {
      title = "Sous la lampe",
      summary = "Un passeport utopien qui luit sous UV : papier ordinaire, ni emblème UV ni fibres.",
      why = "Sous UV, la page luit d'un blanc bleuté (papier ordinaire) et ne montre ni l'emblème UV ni les fibres de sécurité : c'est une contrefaçon. Orientez vers la deuxième ligne pour l'examen complet et la saisie du document ; sa nationalité utopienne doit y être établie, ni présumée ni exclue.",
      ["carries.duty_free"] = "Un sac hors taxes et une serviette",
      ["q.from"] = "D'où arrivez-vous ?",
      ["a.from"] = "D'El Qasra. Deux semaines pour affaires.",
      ["q.work"] = "Quelle est votre profession ?",
      ["a.work"] = "J'importe des fruits secs : dattes, abricots, figues. Je vais à Wahat trois ou quatre fois par an.",
      ["q.live"] = "Où habitez-vous ?",
      ["a.live"] = "À Valmore, près du vieux port.",
      ["q.issued"] = "Quand ce passeport a-t-il été délivré ?",
      ["a.issued"] = "Il y a quelques années, à la mairie de Valmore. Il y a un problème ?",
      ["a.issued_uv"] = "Pourquoi vous l'éclairez avec ça ? C'est un passeport normal. Je l'ai eu... il y a deux, trois ans, je ne sais plus exactement.",
    },
    ar = {
      title = "تحت المصباح",
      summary = "جواز سفر من يوتوبيا يتوهّج تحت الأشعة فوق البنفسجية: ورق عادي، بلا شعار فوق بنفسجي ولا ألياف.",
      why = "تحت الأشعة فوق البنفسجية تتوهّج الصفحة بلون أبيض مزرقّ (ورق عادي) ولا يظهر الشعار الفوق بنفسجي ولا ألياف الأمان: إنه مزوّر. أحِله إلى الخط الثاني للفحص الكامل وحجز الوثيقة؛ وهناك يُتحقّق من جنسيته، فلا تُفترض ولا تُستبعد.",
      ["carries.duty_free"] = "كيس من السوق الحرة وحقيبة جلدية",
      ["q.from"] = "من أين أنت قادم؟",
      ["a.from"] = "من القصرة. أسبوعان في عمل تجاري.",
      ["q.work"] = "ما عملك؟",
      ["a.work"] = "أستورد الفواكه المجففة: تمر ومشمش وتين. أذهب إلى الواحات ثلاث أو أربع مرات في السنة.",
      ["q.live"] = "أين تسكن؟",
      ["a.live"] = "في فالمور، قرب الميناء القديم.",
      ["q.issued"] = "متى صدر هذا الجواز؟",
      ["a.issued"] = "قبل بضع سنوات، من البلدية في فالمور. هل من مشكلة؟",
      ["a.issued_uv"] = "لماذا تسلّط هذا الضوء عليه؟ إنه جواز عادي. حصلت عليه... قبل سنتين أو ثلاث، لا أذكر بالضبط.",
    },
  },
}
