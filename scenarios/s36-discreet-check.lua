-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s36-discreet-check.lua
-- Key facts: TAHER BAKRI, 45, a Wahati importer of dates, comes to the food
-- fair at Valmore for five days: genuine passport, genuine short-stay (C)
-- visa, a consistent purpose. A national alert matches his name and birth
-- date: monitor only, action record only (a discreet check asked by another
-- Utopian service). Expected: admit, having recorded the encounter and
-- nothing else. Telling him of the alert, holding him or referring him to
-- second line defeats the discreet check and holds a bona fide traveler
-- without a reason of the border's own (built in: alerted_monitored_person;
-- asking him about it here is the author's own critical error).
return scenario {
  id = "s36-discreet-check",
  title = "title",
  summary = "summary",
  competencies = { "procedure", "interview", "human_rights" },
  situations = {},
  difficulty = 3,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",
  place = "airport",

  traveler = {
    age = 45, sex = "M",
    speaks = { "ar", "en" },
    companion = false,
    carries = { "carries.samples" },
  },

  documents = {
    { template = "qwh-passport-td3", seed = 36001,
      holder = { surname = "BAKRI", given_names = "TAHER", surname_native = "بكري",
                 given_names_native = "طاهر", birth_date = "1981-03-19" } },
    { template = "uto-visa-mrva", seed = 36002, same_holder = true,
      visa = { category = "C", entries = "MULT", duration_days = 30 } },
  },

  -- a discreet check on him: record the encounter, nothing more
  checks = {
    { list = "national", category = "monitor_only", action = "record_only",
      match = "name_and_birth_date", person = "traveler", reporting = "UTO" },
  },

  questions = {
    { id = "purpose", text = "q.purpose", answer = "a.purpose" },
    { id = "length", text = "q.length", answer = "a.length" },
    { id = "stay", text = "q.stay", answer = "a.stay" },
    { id = "business", text = "q.business", after = "purpose", answer = "a.business" },
    { id = "return", text = "q.return", answer = "a.return" },
    -- tells him he is watched: the discreet check is lost
    { id = "alert", text = "q.alert", answer = "a.alert" },
  },

  expected = {
    decision = "admit",
    findings = {},
    ask = { "purpose", "length", "stay" },
    lights = { "uv" },
    why = "why",
    critical = {
      { when = { asked = "alert" }, reason = "crit.tipped_off" },
    },
  },
  rubric = { document_examination = 20, interview = 20, human_rights = 20, procedure = 40 },

  strings = {
    en = {
      title = "Nothing to see",
      summary = "A bona fide importer whom a national alert asks to be seen, recorded and let through.",
      why = "A monitor-only alert asks for a discreet check: verify the hit on name, birth date and photo, record the encounter, and deal with him as with anyone else. His documents and purpose hold: admit him. Telling him of the alert, questioning him about it, holding him or sending him to second line would defeat the check and detain a bona fide traveler on a matter that is not the border's.",
      ["carries.samples"] = "A box of date samples and a trade-fair badge",
      ["q.purpose"] = "What is the purpose of your visit?",
      ["a.purpose"] = "The food fair at the Valmore exhibition hall. I have a stand: dates from Wadi Safra.",
      ["q.business"] = "What does your company do?",
      ["a.business"] = "Bakri and Sons. We pack and export dates, mostly to Nordavia; this year we try Utopia.",
      ["q.length"] = "How long will you stay?",
      ["a.length"] = "Five days, until the fair closes on Saturday.",
      ["q.stay"] = "Where will you stay?",
      ["a.stay"] = "The Harbour Hotel, near the exhibition hall. The booking is on my phone.",
      ["q.return"] = "When do you go back?",
      ["a.return"] = "Sunday morning, to Nordhaven and on to El Qasra.",
      ["q.alert"] = "Do you know why our system has a note about you?",
      ["a.alert"] = "(He stiffens.) A note? About me? What note? Who wrote it?",
      ["crit.tipped_off"] = "Told him he is the subject of an alert: a monitor-only alert is a discreet check, and telling him defeats it.",
    },
    fr = {
      title = "Rien à signaler",
      summary = "Un importateur de bonne foi qu'une alerte nationale demande de voir, de consigner et de laisser passer.",
      why = "Une alerte de simple surveillance demande un contrôle discret : vérifiez la concordance sur le nom, la date de naissance et la photo, consignez le passage, et traitez-le comme n'importe qui. Ses documents et son motif tiennent : admettez-le. Lui parler de l'alerte, l'interroger à ce sujet, le retenir ou l'envoyer en deuxième ligne ruinerait le contrôle et retiendrait un voyageur de bonne foi pour une affaire qui n'est pas celle de la frontière.",
      ["carries.samples"] = "Une boîte d'échantillons de dattes et un badge de salon",
      ["q.purpose"] = "Quel est le but de votre séjour ?",
      ["a.purpose"] = "Le salon de l'alimentation au parc des expositions de Valmore. J'ai un stand : des dattes de Wadi Safra.",
      ["q.business"] = "Que fait votre entreprise ?",
      ["a.business"] = "Bakri et Fils. Nous conditionnons et exportons des dattes, surtout vers la Nordavie ; cette année nous essayons l'Utopie.",
      ["q.length"] = "Combien de temps allez-vous rester ?",
      ["a.length"] = "Cinq jours, jusqu'à la fermeture du salon samedi.",
      ["q.stay"] = "Où allez-vous loger ?",
      ["a.stay"] = "À l'hôtel du Port, près du parc des expositions. La réservation est dans mon téléphone.",
      ["q.return"] = "Quand repartez-vous ?",
      ["a.return"] = "Dimanche matin, pour Nordhaven puis El Qasra.",
      ["q.alert"] = "Savez-vous pourquoi notre système a une note sur vous ?",
      ["a.alert"] = "(Il se raidit.) Une note ? Sur moi ? Quelle note ? Qui l'a écrite ?",
      ["crit.tipped_off"] = "Vous lui avez dit qu'il fait l'objet d'une alerte : une alerte de simple surveillance est un contrôle discret, et le lui dire le ruine.",
    },
    ar = {
      title = "لا شيء يُذكر",
      summary = "مستورد حسن النية يطلب تنبيه وطني رؤيته وتسجيل مروره وتركه يمرّ.",
      why = "تنبيه المراقبة فقط يطلب تحقّقًا سريًا: تحقّق من التطابق على الاسم وتاريخ الميلاد والصورة، وسجّل المرور، وعامله كأي مسافر آخر. وثائقه وغرضه سليمة: اسمح له بالدخول. إخباره بالتنبيه أو سؤاله عنه أو احتجازه أو إحالته إلى الخط الثاني يُفسد التحقق ويحتجز مسافرًا حسن النية في أمر ليس من شأن الحدود.",
      ["carries.samples"] = "علبة عيّنات تمر وبطاقة معرض تجاري",
      ["q.purpose"] = "ما الغرض من زيارتك؟",
      ["a.purpose"] = "معرض الأغذية في قاعة المعارض في فالمور. لديّ جناح: تمور من وادي صفرة.",
      ["q.business"] = "ماذا تعمل شركتك؟",
      ["a.business"] = "بكري وأبناؤه. نعبّئ التمور ونصدّرها، إلى نوردافيا في الغالب؛ وهذا العام نجرّب يوتوبيا.",
      ["q.length"] = "كم ستبقى؟",
      ["a.length"] = "خمسة أيام، حتى يُغلق المعرض يوم السبت.",
      ["q.stay"] = "أين ستقيم؟",
      ["a.stay"] = "في فندق الميناء، قرب قاعة المعارض. الحجز في هاتفي.",
      ["q.return"] = "متى ستعود؟",
      ["a.return"] = "صباح الأحد، إلى نوردهافن ثم إلى القصرة.",
      ["q.alert"] = "هل تعرف لماذا لدى نظامنا ملاحظة عنك؟",
      ["a.alert"] = "(يتصلّب.) ملاحظة؟ عني أنا؟ أي ملاحظة؟ من كتبها؟",
      ["crit.tipped_off"] = "أخبرته بأنه موضوع تنبيه: تنبيه المراقبة فقط تحقّق سري، وإخباره به يُفسده.",
    },
  },
}
