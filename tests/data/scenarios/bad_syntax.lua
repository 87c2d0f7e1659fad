return scenario {
  id = "bad_syntax",
  title = "title"
  languages = { "en" },
}
