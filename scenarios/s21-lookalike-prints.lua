-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s21-lookalike-prints.lua
-- A genuine Wahati passport with a genuine chip and a genuine short-stay (C)
-- visa, presented by a man who looks very like its holder: a look-alike who
-- has learnt the holder's particulars by heart. The documents pass every
-- light and the chip every check. The face is close; the fingerprints taken
-- at the desk do not match the holder's prints in the chip (1:1), however
-- well they are captured.
return scenario {
  id = "s21-lookalike-prints",
  title = "title",
  summary = "summary",
  competencies = { "document_examination", "procedure", "interview" },
  situations = {},
  difficulty = 4,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",
  place = "airport",

  traveler = {
    age = 33, sex = "M",
    speaks = { "ar", "en" },
    companion = false,
    -- not the holder: another man who looks like him (traveler.impostor follows)
    face = { relation = "lookalike" },
    -- prints taken at the desk and compared 1:1 with the chip's (DG3)
    fingers = { skin = "good" },
    carries = { "carries.sports_bag" },
  },

  documents = {
    { template = "qwh-passport-td3", seed = 21001,
      holder = { surname = "NASSER", given_names = "HAMZA", birth_date = "1993-11-02",
                 place_of_birth = "WADI SAFRA" } },
    { template = "uto-visa-mrva", seed = 21002, same_holder = true,
      visa = { category = "C", entries = "1", duration_days = 21 } },
  },

  questions = {
    { id = "purpose", text = "q.purpose", answer = "a.purpose" },
    { id = "cousin", text = "q.cousin", after = "purpose", answer = "a.cousin" },
    { id = "birth", text = "q.birth", answer = "a.birth" },
    { id = "born", text = "q.born", answer = "a.born" },
    { id = "passport", text = "q.passport", after = { opened = 1 }, answer = "a.passport" },
    { id = "fingers", text = "q.fingers", answer = "a.fingers" },
    -- offered once the trainee has said he is not the holder
    { id = "prints", text = "q.prints", after = { flagged = "impostor" },
      answer = function(ctx)
        if ctx.times("prints") > 1 then return "a.prints_again" end
        return "a.prints"
      end },
  },

  expected = {
    decision = "second_line",
    findings = {},
    ask = { "purpose", "birth", "born" },
    lights = { "uv" },
    -- genuine documents: the evidence is the man against the portrait (F)
    steps = { "face" },
    why = "why",
  },
  rubric = { document_examination = 40, interview = 20, human_rights = 10, procedure = 30 },

  strings = {
    en = {
      title = "The prints say no",
      summary = "A genuine passport and chip, a face very like the photo, and fingerprints that are not the holder's.",
      why = "The passport, visa and chip are genuine, and he knows the holder's particulars by heart; but his well-captured prints do not match the holder's in the chip (1:1), and his ears and nose are not the portrait's. A look-alike: refer him to second line to establish who he is. So close a face never earns a confident 'same'; a failed 1:1 is a reason to look closer, not an identification.",
      ["carries.sports_bag"] = "A sports bag and a box of pastries from the airport",
      ["q.purpose"] = "What is the purpose of your visit?",
      ["a.purpose"] = "To visit my cousin in Valmore. Two weeks, then I go home.",
      ["q.cousin"] = "What is your cousin's name, and where does he live?",
      ["a.cousin"] = "Youssef. Youssef Nasser. In Valmore, near the station... I have his number on my phone.",
      ["q.birth"] = "What is your date of birth?",
      ["a.birth"] = "The second of November, 1993.",
      ["q.born"] = "Where were you born?",
      ["a.born"] = "In Wadi Safra.",
      ["q.passport"] = "Where did you apply for this passport?",
      ["a.passport"] = "At the passport office in El Qasra. Some years ago; it was quick.",
      ["q.fingers"] = "Please place your fingers on the scanner.",
      ["a.fingers"] = "(He wipes his hands on his trousers before he puts them on the glass.) Like this?",
      ["q.prints"] = "Your prints do not match the chip's. Why?",
      ["a.prints"] = "(He presses his fingers down again, harder.) Try again. My hands are dry from the plane. The machine is wrong.",
      ["a.prints_again"] = "(He looks at the floor.) It is my passport. I want to call my cousin.",
    },
    fr = {
      title = "Les empreintes disent non",
      summary = "Passeport et puce authentiques, un visage très proche de la photo, et des empreintes qui ne sont pas celles du titulaire.",
      why = "Le passeport, le visa et la puce sont authentiques, et il connaît par cœur les données du titulaire ; mais ses empreintes, bien capturées, ne correspondent pas à celles de la puce (1:1), et ses oreilles et son nez ne sont pas ceux du portrait. Un sosie : orientez-le vers la deuxième ligne pour établir qui il est. Un visage aussi proche ne mérite jamais un « même personne » assuré ; un échec du 1:1 appelle un examen, pas une identification.",
      ["carries.sports_bag"] = "Un sac de sport et une boîte de pâtisseries de l'aéroport",
      ["q.purpose"] = "Quel est le but de votre séjour ?",
      ["a.purpose"] = "Rendre visite à mon cousin à Valmore. Deux semaines, puis je rentre.",
      ["q.cousin"] = "Comment s'appelle votre cousin, et où habite-t-il ?",
      ["a.cousin"] = "Youssef. Youssef Nasser. À Valmore, près de la gare... J'ai son numéro dans mon téléphone.",
      ["q.birth"] = "Quelle est votre date de naissance ?",
      ["a.birth"] = "Le deux novembre 1993.",
      ["q.born"] = "Où êtes-vous né ?",
      ["a.born"] = "À Wadi Safra.",
      ["q.passport"] = "Où avez-vous demandé ce passeport ?",
      ["a.passport"] = "Au bureau des passeports d'El Qasra. Il y a quelques années ; c'est allé vite.",
      ["q.fingers"] = "Posez vos doigts sur le lecteur, s'il vous plaît.",
      ["a.fingers"] = "(Il s'essuie les mains sur son pantalon avant de les poser sur la vitre.) Comme ça ?",
      ["q.prints"] = "Vos empreintes ne sont pas celles de la puce. Pourquoi ?",
      ["a.prints"] = "(Il appuie de nouveau, plus fort.) Réessayez. J'ai les mains sèches à cause de l'avion. La machine se trompe.",
      ["a.prints_again"] = "(Il baisse les yeux.) C'est mon passeport. Je veux appeler mon cousin.",
    },
    ar = {
      title = "البصمات تقول لا",
      summary = "جواز وشريحة أصليان، ووجه يشبه الصورة كثيرًا، وبصمات ليست لصاحب الجواز.",
      why = "الجواز والتأشيرة والشريحة أصلية، وهو يحفظ بيانات صاحب الجواز عن ظهر قلب؛ لكن بصماته، وقد التُقطت جيدًا، لا تطابق بصمات الشريحة (واحد لواحد)، وأذناه وأنفه ليست كما في الصورة. إنه شبيه: أحِله إلى الخط الثاني للتحقق من هويته. الوجه القريب إلى هذا الحد لا يستحق أبدًا «الشخص نفسه» بثقة؛ وفشل المطابقة يستدعي فحصًا لا تحديدًا للهوية.",
      ["carries.sports_bag"] = "حقيبة رياضية وعلبة حلويات من المطار",
      ["q.purpose"] = "ما الغرض من زيارتك؟",
      ["a.purpose"] = "زيارة ابن عمي في فالمور. أسبوعان ثم أعود.",
      ["q.cousin"] = "ما اسم ابن عمك، وأين يسكن؟",
      ["a.cousin"] = "يوسف. يوسف ناصر. في فالمور، قرب المحطة... رقمه في هاتفي.",
      ["q.birth"] = "ما تاريخ ميلادك؟",
      ["a.birth"] = "الثاني من نوفمبر ١٩٩٣.",
      ["q.born"] = "أين وُلدت؟",
      ["a.born"] = "في وادي صفرة.",
      ["q.passport"] = "أين قدّمت طلب هذا الجواز؟",
      ["a.passport"] = "في مكتب الجوازات في القصرة. قبل بضع سنوات؛ كان الأمر سريعًا.",
      ["q.fingers"] = "ضع أصابعك على الماسح من فضلك.",
      ["a.fingers"] = "(يمسح يديه في بنطاله قبل أن يضعهما على الزجاج.) هكذا؟",
      ["q.prints"] = "بصماتك لا تطابق بصمات الشريحة. لماذا؟",
      ["a.prints"] = "(يضغط بأصابعه مرة أخرى بقوة أكبر.) حاول مرة أخرى. يداي جافتان من الطائرة. الجهاز مخطئ.",
      ["a.prints_again"] = "(ينظر إلى الأرض.) إنه جوازي. أريد أن أتصل بابن عمي.",
    },
  },
}
