-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s29-name-hit-innocent.lua
-- Key facts: MOHAMED AL HASHEMI (محمد الهاشمي), a Wahati engineer, born
-- 1992-02-14, comes for three days of meetings with a short-stay (C) visa;
-- genuine passport and visa, a consistent purpose. The watch list answers a
-- name-only hit: AL-HASHIMI MUHAMMAD (the same name in Arabic script), wanted
-- by Nordavia, hold and notify, born 1968-01-09: twenty-four years apart, and
-- another face. A name hit is a lead: compared on the date of birth and the
-- photo it is not him. Expected: admit. Holding him on it is arbitrary
-- detention (built in: held_on_unverified_hit, held_on_false_match).
return scenario {
  id = "s29-name-hit-innocent",
  title = "title",
  summary = "summary",
  competencies = { "procedure", "human_rights", "interview" },
  situations = {},
  difficulty = 3,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",
  place = "airport",

  traveler = {
    age = 34, sex = "M",
    speaks = { "ar", "en" },
    companion = false,
    carries = { "carries.laptop" },
  },

  documents = {
    { template = "qwh-passport-td3", seed = 29001,
      holder = { surname = "AL HASHEMI", given_names = "MOHAMED", surname_native = "الهاشمي",
                 given_names_native = "محمد", birth_date = "1992-02-14" } },
    { template = "uto-visa-mrva", seed = 29002, same_holder = true,
      visa = { category = "C", entries = "1", duration_days = 8 } },
  },

  -- someone else who shares the name: another birth date, another face
  checks = {
    { list = "watchlist", category = "wanted", action = "hold_and_notify", match = "name_only",
      person = "someone_else", surname = "AL-HASHIMI", given_names = "MUHAMMAD",
      surname_native = "الهاشمي", given_names_native = "محمد", birth_date = "1968-01-09",
      reporting = "QNV" },
  },

  questions = {
    { id = "purpose", text = "q.purpose", answer = "a.purpose" },
    { id = "company", text = "q.company", after = "purpose", answer = "a.company" },
    { id = "length", text = "q.length", answer = "a.length" },
    { id = "birth", text = "q.birth", answer = "a.birth" },
    { id = "spelling", text = "q.spelling", answer = "a.spelling" },
    { id = "return", text = "q.return", answer = "a.return" },
  },

  expected = {
    decision = "admit",
    findings = {},
    ask = { "purpose", "length", "birth" },
    lights = { "uv" },
    why = "why",
  },
  rubric = { document_examination = 20, interview = 20, human_rights = 25, procedure = 35 },

  strings = {
    en = {
      title = "A common name",
      summary = "A bona fide engineer whose name, in Arabic script, is a wanted man's.",
      why = "A name-only hit is a lead, not an identification: Mohamed al-Hashemi is one of the commonest names, and transliteration makes many spellings of it. Settled on the date of birth (24 years apart) and the photo (another face), the record is someone else's: say so and admit him. Holding a bona fide traveler on an unverified name hit is arbitrary detention.",
      ["carries.laptop"] = "A laptop bag and a folder of drawings",
      ["q.purpose"] = "What is the purpose of your visit?",
      ["a.purpose"] = "Meetings with a client. We are installing pumps in the new water plant at Valmore; I am the project engineer.",
      ["q.company"] = "Which company do you work for?",
      ["a.company"] = "Wadi Hydraulics, in El Qasra. The client is the Valmore water board; here is their letter of the meetings.",
      ["q.length"] = "How long will you stay?",
      ["a.length"] = "Three days. I fly home on Thursday evening.",
      ["q.birth"] = "What is your date of birth?",
      ["a.birth"] = "The fourteenth of February 1992.",
      ["q.spelling"] = "Is your name ever written in other ways?",
      ["a.spelling"] = "All the time: Mohamed, Muhammad, Mohammed... al-Hashemi, Al Hashimi. In Arabic it is one name, and half my class had it. Is there a problem?",
      ["q.return"] = "Do you have a return ticket?",
      ["a.return"] = "Yes, Thursday, NA 415 to Nordhaven and then home. It is on my phone.",
    },
    fr = {
      title = "Un nom courant",
      summary = "Un ingénieur de bonne foi dont le nom, en écriture arabe, est celui d'un homme recherché.",
      why = "Une concordance sur le seul nom est une piste, pas une identification : Mohamed al-Hashemi est un nom très courant, aux graphies multiples. La date de naissance (24 ans d'écart) et la photo (un autre visage) montrent que la fiche concerne quelqu'un d'autre : admettez-le. Le retenir sur une concordance non vérifiée serait une détention arbitraire.",
      ["carries.laptop"] = "Une sacoche d'ordinateur et un dossier de plans",
      ["q.purpose"] = "Quel est le but de votre séjour ?",
      ["a.purpose"] = "Des réunions avec un client. Nous installons des pompes dans la nouvelle usine d'eau de Valmore ; je suis l'ingénieur du projet.",
      ["q.company"] = "Pour quelle entreprise travaillez-vous ?",
      ["a.company"] = "Wadi Hydraulics, à El Qasra. Le client est la régie des eaux de Valmore ; voici leur lettre pour les réunions.",
      ["q.length"] = "Combien de temps allez-vous rester ?",
      ["a.length"] = "Trois jours. Je rentre jeudi soir.",
      ["q.birth"] = "Quelle est votre date de naissance ?",
      ["a.birth"] = "Le quatorze février 1992.",
      ["q.spelling"] = "Votre nom s'écrit-il parfois autrement ?",
      ["a.spelling"] = "Tout le temps : Mohamed, Muhammad, Mohammed... al-Hashemi, Al Hashimi. En arabe, c'est un seul nom, et la moitié de ma classe le portait. Il y a un problème ?",
      ["q.return"] = "Avez-vous un billet de retour ?",
      ["a.return"] = "Oui, jeudi, le NA 415 pour Nordhaven puis chez moi. Il est dans mon téléphone.",
    },
    ar = {
      title = "اسم شائع",
      summary = "مهندس حسن النية اسمه بالحروف العربية هو اسم رجل مطلوب.",
      why = "التطابق على الاسم وحده خيط للتحقق لا تحديد للهوية: محمد الهاشمي من أكثر الأسماء شيوعًا، والنقل إلى الحروف اللاتينية يعطيه كتابات كثيرة. عند التحقق من تاريخ الميلاد (فارق ٢٤ سنة) ومن الصورة (وجه آخر) يتبيّن أن السجل لشخص آخر: قل ذلك واسمح له بالدخول. احتجاز مسافر حسن النية بسبب تطابق اسم لم يُتحقّق منه احتجاز تعسفي.",
      ["carries.laptop"] = "حقيبة حاسوب وملف رسومات هندسية",
      ["q.purpose"] = "ما الغرض من زيارتك؟",
      ["a.purpose"] = "اجتماعات مع عميل. نركّب مضخات في محطة المياه الجديدة في فالمور؛ أنا مهندس المشروع.",
      ["q.company"] = "في أي شركة تعمل؟",
      ["a.company"] = "شركة وادي للهيدروليك في القصرة. العميل هو هيئة مياه فالمور؛ هذه رسالتهم بشأن الاجتماعات.",
      ["q.length"] = "كم ستبقى؟",
      ["a.length"] = "ثلاثة أيام. أعود مساء الخميس.",
      ["q.birth"] = "ما تاريخ ميلادك؟",
      ["a.birth"] = "الرابع عشر من فبراير ١٩٩٢.",
      ["q.spelling"] = "هل يُكتب اسمك أحيانًا بطرق أخرى؟",
      ["a.spelling"] = "دائمًا: Mohamed وMuhammad وMohammed... وal-Hashemi وAl Hashimi. بالعربية هو اسم واحد، ونصف زملائي في الصف كانوا يحملونه. هل هناك مشكلة؟",
      ["q.return"] = "هل معك تذكرة عودة؟",
      ["a.return"] = "نعم، يوم الخميس، الرحلة NA 415 إلى نوردهافن ثم إلى بلدي. التذكرة في هاتفي.",
    },
  },
}
