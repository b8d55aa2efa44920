# Turns the system word list into a sorted C table, folded to lower case:
#   KIND=common  lower-case entries only (a word is "common" only when the dictionary spells it in
#                lower case; capitalised entries and possessives are left out);
#   KIND=proper  capitalised entries ("Australia", "Johnson", "Reuters"): established proper names,
#                which the names pass reads to tell a name from a probable misspelling of another.
# Like gen_lexicon.cmake, the table is a block of characters (words separated by NUL) and an array of
# offsets into it, so the tens of thousands of words need no relocations at start-up (a table of
# pointers needed one per word, on every run).
# Usage: cmake -DWORDLIST=... -DOUT=... -DKIND=common|proper -P gen_word_table.cmake
if(KIND STREQUAL "common")
  file(STRINGS "${WORDLIST}" words REGEX "^[a-z]+$")
  set(NAME COMMON_WORDS)
elseif(KIND STREQUAL "proper")
  file(STRINGS "${WORDLIST}" words REGEX "^[A-Z][A-Za-z]+$")
  string(TOLOWER "${words}" words)
  set(NAME PROPER_WORDS)
else()
  message(FATAL_ERROR "KIND must be common or proper")
endif()
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
  "static const char ${NAME}_CHARS[] =\n${chars};\n"
  "static const uint32_t ${NAME}_OFFSETS[] = {\n${offsets}};\n")
