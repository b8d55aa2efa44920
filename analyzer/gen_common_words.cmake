# Turns the system word list into a sorted C table of common lower-case English words.
# Capitalised entries (proper names) and possessives are left out: a word is "common" only when
# the dictionary spells it in lower case. Like gen_lexicon.cmake, the table is a block of
# characters (words separated by NUL) and an array of offsets into it, so the 60,000-odd words
# need no relocations at start-up (a table of pointers needed one per word, on every run).
file(STRINGS "${WORDLIST}" words REGEX "^[a-z]+$")
list(REMOVE_DUPLICATES words)
list(SORT words)
list(LENGTH words n)
set(chars "")
set(offsets "")
set(at 0)
foreach(w IN LISTS words)
  string(APPEND chars "\"${w}\\0\"\n")
  string(APPEND offsets "${at},\n")
  string(LENGTH "${w}" len)
  math(EXPR at "${at} + ${len} + 1")
endforeach()
file(WRITE "${OUT}"
  "/* generated from ${WORDLIST}: ${n} words */\n"
  "static const char COMMON_WORDS_CHARS[] =\n${chars};\n"
  "static const uint32_t COMMON_WORDS_OFFSETS[] = {\n${offsets}};\n")
