-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s10-wheelchair-citizen.lua
-- A Utopian citizen in a wheelchair comes home with her identity card. The
-- counter is too high for her and her airline assistance has left.
return scenario {
  id = "s10-wheelchair-citizen",
  title = "title",
  summary = "summary",
  competencies = { "human_rights", "procedure" },
  situations = { "disability_medical" },
  difficulty = 1,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",

  traveler = {
    age = 55, sex = "F",
    speaks = { "en", "fr" },
    impostor = 0,
    companion = false,
    status = "citizen",
    needs = "needs.wheelchair",
    carries = { "carries.cabin_bag" },
  },

  documents = {
    { template = "uto-id-td1", seed = 10001 },
  },

  questions = {
    { id = "help", text = "q.help", answer = "a.help", competency = "human_rights" },
    { id = "from", text = "q.from", answer = "a.from" },
    { id = "bags", text = "q.bags", after = "help", answer = "a.bags" },
    { id = "live", text = "q.live", answer = "a.live" },
  },

  expected = {
    decision = "admit",
    findings = {},
    ask = { "help" },
    lights = { "uv" },
    why = "why",
  },
  rubric = { document_examination = 30, interview = 10, human_rights = 40, procedure = 20 },

  strings = {
    en = {
      title = "A counter too high",
      summary = "A citizen in a wheelchair, a genuine ID card, and a counter she cannot reach.",
      why = "A citizen with a genuine identity card: admit. Ask about her needs and meet them (come round the counter, call assistance); the wheelchair is never a reason for delay or refusal: equal treatment of persons with disabilities.",
      ["needs.wheelchair"] = "Uses a wheelchair",
      ["carries.cabin_bag"] = "A cabin bag on her chair",
      ["q.help"] = "Do you need any assistance?",
      ["a.help"] = "Thank you. The counter is a bit high for me; could you come round, or take the card from my hand? My airline assistant had to leave.",
      ["q.from"] = "Where are you travelling from?",
      ["a.from"] = "From Osterby, in Nordavia. A conference on accessible transport, funnily enough.",
      ["q.bags"] = "Shall I call assistance for your bags?",
      ["a.bags"] = "That would be kind. My suitcase is heavy, and I can't push it and the chair at the same time.",
      ["q.live"] = "Where do you live?",
      ["a.live"] = "In Saint-Ille. I've been there for twenty years.",
    },
    fr = {
      title = "Un guichet trop haut",
      summary = "Une citoyenne en fauteuil roulant, une carte d'identité authentique et un guichet qu'elle ne peut atteindre.",
      why = "Une citoyenne munie d'une carte d'identité authentique : on l'admet. Demandez-lui ce dont elle a besoin et répondez-y (sortir du guichet, appeler l'assistance) ; le fauteuil n'est jamais un motif de retard ni de refus : égalité de traitement des personnes handicapées.",
      ["needs.wheelchair"] = "En fauteuil roulant",
      ["carries.cabin_bag"] = "Un bagage cabine sur son fauteuil",
      ["q.help"] = "Avez-vous besoin d'aide ?",
      ["a.help"] = "Merci. Le guichet est un peu haut pour moi ; pourriez-vous venir de ce côté, ou prendre la carte dans ma main ? Mon accompagnateur a dû partir.",
      ["q.from"] = "D'où arrivez-vous ?",
      ["a.from"] = "D'Osterby, en Nordavie. Un congrès sur les transports accessibles, figurez-vous.",
      ["q.bags"] = "Voulez-vous de l'aide pour vos bagages ?",
      ["a.bags"] = "Ce serait gentil. Ma valise est lourde, et je ne peux pas la pousser en même temps que le fauteuil.",
      ["q.live"] = "Où habitez-vous ?",
      ["a.live"] = "À Saint-Ille. J'y vis depuis vingt ans.",
    },
    ar = {
      title = "شبّاك أعلى من اللازم",
      summary = "مواطنة على كرسي متحرّك، وبطاقة هوية أصلية، وشبّاك لا تستطيع الوصول إليه.",
      why = "مواطنة تحمل بطاقة هوية أصلية: يُسمح لها بالدخول. اسألها عمّا تحتاجه ولبِّه (اخرج إليها من خلف الشبّاك، اطلب المساعدة)؛ والكرسي المتحرّك ليس أبدًا سببًا للتأخير أو الرفض: المساواة في معاملة الأشخاص ذوي الإعاقة.",
      ["needs.wheelchair"] = "تستخدم كرسيًا متحرّكًا",
      ["carries.cabin_bag"] = "حقيبة مقصورة على كرسيها",
      ["q.help"] = "هل تحتاجين إلى أي مساعدة؟",
      ["a.help"] = "شكرًا. الشبّاك مرتفع قليلًا بالنسبة إليّ؛ هل يمكنك أن تأتي إلى هذه الجهة، أو أن تأخذ البطاقة من يدي؟ اضطرّ مرافقي من شركة الطيران إلى المغادرة.",
      ["q.from"] = "من أين أنتِ قادمة؟",
      ["a.from"] = "من أوستربي، في نوردافيا. مؤتمر عن النقل الميسّر لذوي الإعاقة، ويا للمفارقة.",
      ["q.bags"] = "هل أطلب لكِ مساعدة في حمل الأمتعة؟",
      ["a.bags"] = "سيكون ذلك لطفًا منك. حقيبتي ثقيلة، ولا أستطيع دفعها ودفع الكرسي في آن واحد.",
      ["q.live"] = "أين تسكنين؟",
      ["a.live"] = "في سانت-إيل. أعيش هناك منذ عشرين عامًا.",
    },
  },
}
