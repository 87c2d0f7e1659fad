-- translations: machine-quality, to be reviewed by a translator
-- scenarios/s05-fear-of-return.lua
-- A man travels on another person's Wahati passport with his own photo glued
-- in, and the wrong UV emblem. He fears persecution at home. The forgery is
-- real, and so is the fear: he must be referred to the asylum procedure.
return scenario {
  id = "s05-fear-of-return",
  title = "title",
  summary = "summary",
  competencies = { "human_rights", "interview", "document_examination" },
  situations = { "fear_of_return" },
  difficulty = 3,
  languages = { "en", "fr", "ar" },
  today = "2026-06-01",

  traveler = {
    age = 31, sex = "M",
    speaks = { "ar", "en" },
    impostor = 0,
    companion = false,
    carries = { "carries.small_bag" },
  },

  documents = {
    { template = "qwh-passport-td3", seed = 5001,
      defects = { "photo_substitution", "uv_emblem_wrong" } },
    { template = "uto-visa-mrva", seed = 5002, same_holder = true },
  },

  questions = {
    { id = "purpose", text = "q.purpose", answer = "a.purpose" },
    { id = "name", text = "q.name",
      answer = function(ctx)
        if ctx.flagged("photo_substitution") or ctx.flagged("uv_feature") then
          return "a.name_true"
        end
        return "a.name_passport"
      end },
    { id = "route", text = "q.route", answer = "a.route" },
    { id = "fear", text = "q.fear", after = "purpose", answer = "a.fear" },
    { id = "protection", text = "q.protection", after = "fear", answer = "a.protection" },
  },

  expected = {
    decision = "protection",
    protection = "asylum",
    findings = { "photo_substitution", "uv_emblem_wrong" },
    ask = { "purpose", "fear" },
    lights = { "uv", "oblique" },
    why = "why",
  },
  rubric = { document_examination = 30, interview = 20, human_rights = 40, procedure = 10 },

  strings = {
    en = {
      title = "Nowhere to go back to",
      summary = "A substituted photo, a wrong UV emblem, and a man who must not be sent back.",
      why = "He says he fears persecution if returned: refer him to the asylum procedure, even though the passport is forged (non-refoulement; refugees may not be penalised for using false documents, Refugee Convention art. 31). Record the forgery, do not refuse him.",
      ["carries.small_bag"] = "A small shoulder bag; he looks exhausted",
      ["q.purpose"] = "What is the purpose of your journey?",
      ["a.purpose"] = "I had to leave. I can't stay in my country any more.",
      ["q.name"] = "What is your name?",
      ["a.name_passport"] = "It is written there, in the passport.",
      ["a.name_true"] = "(Long silence.) That is not my name. My name is Omar. A man sold me that passport in Nordhaven. I'm sorry, there was no other way.",
      ["q.route"] = "How did you travel here?",
      ["a.route"] = "By bus to the coast, then a plane to Nordhaven. A man there gave me the passport and the ticket.",
      ["q.fear"] = "What would happen if you went back?",
      ["a.fear"] = "They would arrest me, like my brother. I wrote about the water contracts in our town. Men came to our house at night. Please don't send me back.",
      ["q.protection"] = "Do you want to ask for protection here?",
      ["a.protection"] = "Yes. I want to ask for asylum. I have nowhere else to go.",
    },
    fr = {
      title = "Nulle part où retourner",
      summary = "Une photo substituée, un mauvais emblème UV, et un homme qu'on ne doit pas renvoyer.",
      why = "Il dit craindre des persécutions en cas de retour : orientez-le vers la procédure d'asile, même si le passeport est faux (non-refoulement ; les réfugiés ne peuvent être sanctionnés pour l'usage de faux documents, art. 31 de la Convention relative au statut des réfugiés). Consignez la fraude, ne le refoulez pas.",
      ["carries.small_bag"] = "Une petite sacoche ; il a l'air épuisé",
      ["q.purpose"] = "Quel est le but de votre voyage ?",
      ["a.purpose"] = "J'ai dû partir. Je ne peux plus rester dans mon pays.",
      ["q.name"] = "Comment vous appelez-vous ?",
      ["a.name_passport"] = "C'est écrit là, dans le passeport.",
      ["a.name_true"] = "(Long silence.) Ce n'est pas mon nom. Je m'appelle Omar. Un homme m'a vendu ce passeport à Nordhaven. Je suis désolé, il n'y avait pas d'autre moyen.",
      ["q.route"] = "Comment êtes-vous venu jusqu'ici ?",
      ["a.route"] = "En bus jusqu'à la côte, puis en avion jusqu'à Nordhaven. Là-bas, un homme m'a donné le passeport et le billet.",
      ["q.fear"] = "Que se passerait-il si vous rentriez ?",
      ["a.fear"] = "Ils m'arrêteraient, comme mon frère. J'ai écrit sur les contrats de l'eau dans notre ville. Des hommes sont venus chez nous la nuit. Ne me renvoyez pas.",
      ["q.protection"] = "Souhaitez-vous demander une protection ici ?",
      ["a.protection"] = "Oui. Je veux demander l'asile. Je n'ai nulle part ailleurs où aller.",
    },
    ar = {
      title = "لا مكان للعودة إليه",
      summary = "صورة مستبدلة وشعار فوق بنفسجي خاطئ، ورجل لا يجوز إعادته.",
      why = "يقول إنه يخشى الاضطهاد إن أُعيد: أحِله إلى إجراءات اللجوء، حتى وإن كان الجواز مزوّرًا (مبدأ عدم الإعادة القسرية؛ ولا يجوز معاقبة اللاجئين على استعمال وثائق مزوّرة، المادة ٣١ من اتفاقية اللاجئين). سجّل التزوير، ولا ترفض دخوله.",
      ["carries.small_bag"] = "حقيبة كتف صغيرة؛ يبدو منهكًا",
      ["q.purpose"] = "ما الغرض من رحلتك؟",
      ["a.purpose"] = "اضطررت إلى الرحيل. لم أعد أستطيع البقاء في بلدي.",
      ["q.name"] = "ما اسمك؟",
      ["a.name_passport"] = "إنه مكتوب هناك، في الجواز.",
      ["a.name_true"] = "(صمت طويل.) هذا ليس اسمي. اسمي عمر. باعني رجل هذا الجواز في نوردهافن. أنا آسف، لم يكن هناك طريق آخر.",
      ["q.route"] = "كيف سافرت إلى هنا؟",
      ["a.route"] = "بالحافلة إلى الساحل، ثم بالطائرة إلى نوردهافن. هناك أعطاني رجل الجواز والتذكرة.",
      ["q.fear"] = "ماذا سيحدث لو عدت؟",
      ["a.fear"] = "سيعتقلونني كما اعتقلوا أخي. كتبت عن عقود المياه في مدينتنا. جاء رجال إلى بيتنا ليلًا. أرجوك لا تُعِدني.",
      ["q.protection"] = "هل تريد طلب الحماية هنا؟",
      ["a.protection"] = "نعم. أريد أن أطلب اللجوء. ليس لي مكان آخر أذهب إليه.",
    },
  },
}
