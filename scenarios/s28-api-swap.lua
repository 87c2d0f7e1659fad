-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s28-api-swap.lua
-- Key facts: flight NA 412 from Nordhaven. At check-in the airline sent the
-- passenger data (API) of SAMI HADDAD, born 1995-11-02, Wahati passport
-- K4TRW7Q28: his own passport, with which he boarded. At the desk he presents
-- another man's genuine Wahati passport (KARIM SAADI, born 1993-04-17, a
-- look-alike) holding a long-stay (D) work visa. The documents pass every
-- light; the API line names another person and another document than the one
-- on the desk, and the face is not quite the portrait's: a document swap.
-- Expected: second line (no second-line stage here: the referral ends the
-- case), where his identity is established. The desk does not accuse him.
return scenario {
  id = "s28-api-swap",
  title = "title",
  summary = "summary",
  competencies = { "procedure", "document_examination", "interview" },
  situations = {},
  difficulty = 4,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",
  place = "airport",

  traveler = {
    age = 30, sex = "M",
    speaks = { "ar", "en" },
    companion = false,
    -- not the portrait's person: another man who resembles him
    face = { relation = "lookalike" },
    carries = { "carries.bag" },
  },

  documents = {
    -- KARIM SAADI's genuine passport and work visa: not his
    { template = "qwh-passport-td3", seed = 28001,
      holder = { surname = "SAADI", given_names = "KARIM", surname_native = "السعدي",
                 given_names_native = "كريم", birth_date = "1993-04-17" } },
    { template = "uto-visa-mrva", seed = 28002, same_holder = true,
      visa = { category = "D", entries = "MULT", duration_days = 365,
               valid_from = "2026-05-20", valid_until = "2027-05-19" } },
  },

  -- the API line the carrier sent at check-in: his own passport, not the
  -- one on the desk
  flight = {
    carrier = "NA", number = "412", from = "NHV", to = "VLM",
    departs = "09:10", arrives = "12:40", passengers = 120, seed = 28003,
    booking = "R8WQ2N", seat = "23F",
    api = { document_number = "K4TRW7Q28", surname = "HADDAD", given_names = "SAMI",
            birth_date = "1995-11-02", nationality = "QWH" },
  },

  questions = {
    { id = "purpose", text = "q.purpose", answer = "a.purpose" },
    { id = "name", text = "q.name", answer = "a.name" },
    { id = "birth", text = "q.birth", after = "name", answer = "a.birth" },
    { id = "employer", text = "q.employer", after = "purpose", answer = "a.employer" },
    { id = "checkin", text = "q.checkin", answer = "a.checkin" },
    { id = "passport", text = "q.passport", after = "checkin", answer = "a.passport" },
  },

  expected = {
    decision = "second_line",
    findings = {},
    ask = { "purpose", "name", "checkin", "passport" },
    lights = { "uv" },
    steps = { "face" },
    why = "why",
  },
  rubric = { document_examination = 30, interview = 25, human_rights = 10, procedure = 35 },

  strings = {
    en = {
      title = "Checked in as someone else",
      summary = "A genuine passport and work visa; the carrier's check-in data name another man and another passport.",
      why = "The API data the carrier sent at check-in name another person and another document (SAMI HADDAD, passport K4TRW7Q28) than the passport on the desk, and the face is close to the portrait but not the same: he boarded on his own passport and presents another man's. A document swap: refer him to second line to establish who he is, keep the documents, and stay courteous; the desk does not decide on suspicion.",
      ["carries.bag"] = "A cabin bag with a NA 412 tag",
      ["q.purpose"] = "What is the purpose of your visit?",
      ["a.purpose"] = "Work. I have a job with a building company in Valmore; that is why I have the work visa.",
      ["q.name"] = "What is your full name?",
      ["a.name"] = "Karim Saadi.",
      ["q.birth"] = "What is your date of birth?",
      ["a.birth"] = "(A short pause.) The seventeenth of April... 1993.",
      ["q.employer"] = "Who is your employer, and where?",
      ["a.employer"] = "A building company... Brandt, I think. My cousin arranged everything; the address is on my phone.",
      ["q.checkin"] = "Where and when did you check in?",
      ["a.checkin"] = "In Nordhaven this morning, at the airline's counter. I had a bag to drop.",
      ["q.passport"] = "Which passport did you show at check-in?",
      ["a.passport"] = "This one, of course. I have only one passport. (He puts his hand on his jacket.)",
    },
    fr = {
      title = "Enregistré sous un autre nom",
      summary = "Un passeport et un visa de travail authentiques ; les données d'enregistrement du transporteur désignent un autre homme et un autre passeport.",
      why = "Les données API transmises par le transporteur à l'enregistrement désignent une autre personne et un autre document (SAMI HADDAD, passeport K4TRW7Q28) que le passeport présenté, et le visage ressemble au portrait sans être le même : il a embarqué avec son propre passeport et présente celui d'un autre. Un échange de documents : orientez-le vers la deuxième ligne pour établir son identité, retenez les documents et restez courtois ; le guichet ne décide pas sur un soupçon.",
      ["carries.bag"] = "Un bagage cabine étiqueté NA 412",
      ["q.purpose"] = "Quel est le but de votre séjour ?",
      ["a.purpose"] = "Le travail. J'ai un emploi dans une entreprise du bâtiment à Valmore ; c'est pour ça que j'ai le visa de travail.",
      ["q.name"] = "Quels sont vos nom et prénom ?",
      ["a.name"] = "Karim Saadi.",
      ["q.birth"] = "Quelle est votre date de naissance ?",
      ["a.birth"] = "(Un court silence.) Le dix-sept avril... 1993.",
      ["q.employer"] = "Qui est votre employeur, et où ?",
      ["a.employer"] = "Une entreprise du bâtiment... Brandt, je crois. C'est mon cousin qui a tout arrangé ; l'adresse est dans mon téléphone.",
      ["q.checkin"] = "Où et quand vous êtes-vous enregistré ?",
      ["a.checkin"] = "À Nordhaven ce matin, au comptoir de la compagnie. J'avais un bagage à déposer.",
      ["q.passport"] = "Quel passeport avez-vous présenté à l'enregistrement ?",
      ["a.passport"] = "Celui-ci, bien sûr. Je n'ai qu'un passeport. (Il pose la main sur sa veste.)",
    },
    ar = {
      title = "سُجّل باسم شخص آخر",
      summary = "جواز سفر وتأشيرة عمل أصليان؛ وبيانات تسجيل الوصول لدى الناقل تذكر رجلًا آخر وجوازًا آخر.",
      why = "بيانات المسافرين المسبقة (API) التي أرسلها الناقل عند تسجيل الوصول تذكر شخصًا آخر ووثيقة أخرى (سامي حداد، الجواز K4TRW7Q28) غير الجواز المقدَّم، والوجه قريب من الصورة لكنه ليس هو: صعد إلى الطائرة بجوازه ويقدّم جواز رجل آخر. تبديل وثائق: أحِله إلى الخط الثاني للتحقق من هويته، واحتفظ بالوثائق، وابقَ مهذبًا؛ الشباك لا يقرّر بناءً على الشبهة.",
      ["carries.bag"] = "حقيبة يد عليها بطاقة الرحلة NA 412",
      ["q.purpose"] = "ما الغرض من زيارتك؟",
      ["a.purpose"] = "العمل. لديّ وظيفة في شركة بناء في فالمور؛ لهذا معي تأشيرة العمل.",
      ["q.name"] = "ما اسمك الكامل؟",
      ["a.name"] = "كريم السعدي.",
      ["q.birth"] = "ما تاريخ ميلادك؟",
      ["a.birth"] = "(صمت قصير.) السابع عشر من أبريل... ١٩٩٣.",
      ["q.employer"] = "من صاحب عملك، وأين؟",
      ["a.employer"] = "شركة بناء... براندت، على ما أظن. ابن عمي رتّب كل شيء؛ العنوان في هاتفي.",
      ["q.checkin"] = "أين ومتى سجّلت وصولك للرحلة؟",
      ["a.checkin"] = "في نوردهافن صباح اليوم، عند مكتب شركة الطيران. كانت معي حقيبة لأسلّمها.",
      ["q.passport"] = "أيّ جواز قدّمت عند تسجيل الوصول؟",
      ["a.passport"] = "هذا طبعًا. ليس معي إلا جواز واحد. (يضع يده على سترته.)",
    },
  },
}
