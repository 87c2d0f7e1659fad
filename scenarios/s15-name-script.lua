-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s15-name-script.lua
-- A bilingual Wahati passport whose data page was remade by a "fixer": the
-- MRZ name is not the transliteration of the Arabic-script name, and the
-- microtext is blurred from copying. Only an officer who reads both scripts
-- (or compares the passport's MRZ with the visa's) sees it. The traveler may
-- herself be a victim of the fixer.
return scenario {
  id = "s15-name-script",
  title = "title",
  summary = "summary",
  competencies = { "document_examination", "interview" },
  situations = {},
  difficulty = 5,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",

  traveler = {
    age = 30, sex = "F",
    speaks = { "ar", "en" },
    impostor = 0,
    companion = false,
    carries = { "carries.handbag" },
  },

  documents = {
    { template = "qwh-passport-td3", seed = 15001,
      defects = { "name_script_mismatch", "microtext_blurred" } },
    { template = "uto-visa-mrva", seed = 15002, same_holder = true },
  },

  questions = {
    { id = "purpose", text = "q.purpose", answer = "a.purpose" },
    { id = "name", text = "q.name", answer = "a.name" },
    { id = "issued", text = "q.issued", after = { opened = 1 }, -- about the passport: once it is open
      answer = function(ctx)
        if ctx.flagged("data_alteration") or ctx.flagged("mrz_error")
            or ctx.flagged("microprint") then
          return "a.issued_fixer"
        end
        return "a.issued"
      end },
    { id = "previous", text = "q.previous", answer = "a.previous" },
  },

  expected = {
    decision = "second_line",
    findings = { "name_script_mismatch", "microtext_blurred" },
    ask = { "name", "issued" },
    lights = { "ir" },
    why = "why",
  },
  rubric = { document_examination = 60, interview = 20, human_rights = 10, procedure = 10 },

  strings = {
    en = {
      title = "Two scripts, two names",
      summary = "A bilingual passport whose MRZ name does not match the Arabic-script name.",
      why = "The MRZ name is not the transliteration of the Arabic-script name on the same page, and the microtext is blurred by copying: the data page was altered. Refer her to second line; she may have been deceived by a fixer, so explain calmly what happens next and presume nothing about her intent.",
      ["carries.handbag"] = "A handbag and a folder with a training contract",
      ["q.purpose"] = "What is the purpose of your visit?",
      ["a.purpose"] = "A training placement at a pharmacy in Lindor. The contract is in my folder.",
      ["q.name"] = "Please spell your family name.",
      ["a.name"] = "B-E-N, then S-A-L-E-M. Ben Salem, like in Arabic: بن سالم.",
      ["q.issued"] = "Where was this passport issued?",
      ["a.issued"] = "In El Qasra, at the passport office.",
      ["a.issued_fixer"] = "In El Qasra... well, the office had a waiting list of months, so a man outside arranged the new page in a week. I paid him. Is something wrong with it?",
      ["q.previous"] = "Have you been to Utopia before?",
      ["a.previous"] = "No, this is my first time abroad.",
    },
    fr = {
      title = "Deux écritures, deux noms",
      summary = "Un passeport bilingue dont le nom dans la ZLA ne correspond pas au nom en écriture arabe.",
      why = "Le nom de la ZLA n'est pas la translittération du nom en écriture arabe de la même page, et la microimpression est floue, signe de copie : la page de données a été altérée. Orientez-la vers la deuxième ligne ; elle a peut-être été trompée par un intermédiaire : expliquez calmement la suite et ne présumez rien de ses intentions.",
      ["carries.handbag"] = "Un sac à main et une pochette avec un contrat de stage",
      ["q.purpose"] = "Quel est le but de votre séjour ?",
      ["a.purpose"] = "Un stage dans une pharmacie à Lindor. Le contrat est dans ma pochette.",
      ["q.name"] = "Pouvez-vous épeler votre nom de famille ?",
      ["a.name"] = "B-E-N, puis S-A-L-E-M. Ben Salem, comme en arabe : بن سالم.",
      ["q.issued"] = "Où ce passeport a-t-il été délivré ?",
      ["a.issued"] = "À El Qasra, au bureau des passeports.",
      ["a.issued_fixer"] = "À El Qasra... enfin, il y avait des mois d'attente, alors un homme devant le bureau a fait refaire la page en une semaine. Je l'ai payé. Il y a un problème ?",
      ["q.previous"] = "Êtes-vous déjà venue en Utopie ?",
      ["a.previous"] = "Non, c'est la première fois que je voyage à l'étranger.",
    },
    ar = {
      title = "خطّان واسمان",
      summary = "جواز سفر ثنائي اللغة لا يطابق فيه الاسمُ في المنطقة المقروءة آليًا الاسمَ المكتوب بالحروف العربية.",
      why = "الاسم في المنطقة المقروءة آليًا ليس نقحرة للاسم المكتوب بالعربية في الصفحة نفسها، والطباعة الدقيقة مشوّشة بفعل النسخ: صفحة البيانات معدّلة. أحِلها إلى الخط الثاني؛ فربما خدعها وسيط، فاشرح لها بهدوء ما سيحدث ولا تفترض شيئًا عن نيتها.",
      ["carries.handbag"] = "حقيبة يد وملف فيه عقد تدريب",
      ["q.purpose"] = "ما الغرض من زيارتك؟",
      ["a.purpose"] = "تدريب في صيدلية في ليندور. العقد في ملفي.",
      ["q.name"] = "تهجّي اسم عائلتك من فضلك.",
      ["a.name"] = "بن سالم: باء، نون، ثم سين، ألف، لام، ميم. وباللاتينية BEN SALEM.",
      ["q.issued"] = "أين صدر هذا الجواز؟",
      ["a.issued"] = "في القصرة، في مكتب الجوازات.",
      ["a.issued_fixer"] = "في القصرة... في الحقيقة كان في المكتب انتظار لأشهر، فرتّب رجل عند الباب الصفحة الجديدة في أسبوع. دفعت له. هل فيه مشكلة؟",
      ["q.previous"] = "هل زرتِ يوتوبيا من قبل؟",
      ["a.previous"] = "لا، هذه أول مرة أسافر فيها إلى الخارج.",
    },
  },
}
