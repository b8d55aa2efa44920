# Turns the system word list into a sorted C table, folded to lower case:
#   KIND=common  lower-case entries only (a word is "common" only when the dictionary spells it in
#                lower case; capitalised entries and possessives are left out);
#   KIND=proper  capitalised entries ("Australia", "Johnson", "Reuters"): established proper names,
#                which the names pass reads to tell a name from a probable misspelling of another.
# Like gen_lexicon.cmake, it writes the table with cd_offset_table (offset_table.cmake), so the tens
# of thousands of words need no relocations at start-up (a table of pointers needed one per word,
# on every run), and a lookup is a hash probe.
# Usage: cmake -DWORDLIST=... -DOUT=... -DKIND=common|proper -DWORD_INDEX=path/to/gen_word_index
#        -P gen_word_table.cmake
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
include(${CMAKE_CURRENT_LIST_DIR}/offset_table.cmake)
set(table "/* generated from ${WORDLIST}: ${n} words */\n")
cd_offset_table(table ${NAME} ${words})
file(WRITE "${OUT}" "${table}")
