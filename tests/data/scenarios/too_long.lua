-- A correct scenario whose words are too long for the desk (check warns, and
-- passes): a question too long for its row even at the smallest size (in
-- English and in Arabic), an answer with more lines than the answer panel
-- holds, an answer only an answer function gives (in Arabic, after the
-- interpreter), and things carried that need more lines than the column
-- beside the face has under a need. The other texts fit. An Arabic speaker
-- whose first answer opens with an English stage direction, for the desk's
-- mixed-direction pictures.
return scenario {
  id = "too_long",
  title = "title",
  competencies = { "interview" },
  situations = {},
  difficulty = 1,
  languages = { "en", "ar" },
  traveler = { age = 50, sex = "M", speaks = { "ar" }, needs = "needs.cane",
               carries = { "carries.bag", "carries.long" } },
  documents = {
    { template = "qwh-passport-td3", seed = 9101 },
  },
  questions = {
    { id = "purpose", text = "q.purpose", answer = "a.purpose" },
    { id = "long", text = "q.long", answer = "a.long" },
    { id = "more", text = "q.more",
      answer = function(ctx)
        if ctx.interpreter() then return "a.told" end
        return "a.short"
      end },
  },
  expected = { decision = "admit", ask = { "purpose" }, why = "why" },
  rubric = { document_examination = 25, interview = 25, human_rights = 25, procedure = 25 },
  strings = {
    en = { title = "Too long", why = "The words are too long; the documents are fine.",
           ["needs.cane"] = "Walks with a cane",
           ["carries.bag"] = "A bag",
           ["carries.long"] = "A very large and heavily worn leather suitcase tied shut with a length of blue rope, a folded blanket and a basket of oranges on top",
           ["q.purpose"] = "Why are you here?",
           ["a.purpose"] = "(looks down) I do not know.",
           ["q.long"] = "Could you please tell me, in your own words and in detail, everything about the purpose of your visit?",
           ["a.long"] = "I came to see my brother, who has lived here for eleven years. He works in a bakery near the station, and his wife is expecting their second child next month. I will help them for six weeks, then I will go home: my return ticket is in this envelope, with his letter and his address.",
           ["q.more"] = "Anything else?",
           ["a.short"] = "No.", ["a.told"] = "No." },
    ar = { title = "طويل جدا", why = "الكلمات طويلة جدا، والوثائق سليمة.",
           ["needs.cane"] = "يمشي بعصا",
           ["carries.bag"] = "حقيبة",
           ["carries.long"] = "حقيبة جلدية كبيرة جدا وبالية مربوطة بحبل أزرق وفوقها بطانية مطوية وسلة برتقال",
           ["q.purpose"] = "لماذا أنت هنا؟",
           ["a.purpose"] = "(looks down) لا أعرف",
           ["q.long"] = "هل يمكنك أن تخبرني بكلماتك الخاصة وبالتفصيل بكل شيء عن الغرض من زيارتك، ومن ستلتقي، وأين ستقيم، ومتى ستعود؟",
           ["a.long"] = "جئت لأرى أخي.",
           ["q.more"] = "هل من شيء آخر؟",
           ["a.short"] = "لا.",
           ["a.told"] = "جئت لأرى أخي الذي يعيش هنا منذ أحد عشر عاما. يعمل في مخبز قرب المحطة، وزوجته تنتظر طفلهما الثاني في الشهر القادم. سأساعدهما ستة أسابيع ثم أعود إلى بيتي: تذكرة العودة في هذا الظرف مع رسالته وعنوانه. وأحمل أيضا هدايا للأطفال وبعض الدواء لأمي التي تسكن معهم منذ أن مرضت في الشتاء الماضي، وقد كتب لي الطبيب ورقة بذلك." },
  },
}
