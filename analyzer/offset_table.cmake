# cd_offset_table(OUT NAME ENTRIES...): appends to OUT the C source of a word table over the sorted
# entries: one block of characters (entries separated by NUL), an array of offsets into it
# (NAME_CHARS, NAME_OFFSETS: unlike a table of pointers, they need no relocation at start-up), a
# hash table over them (NAME_SLOTS) and NAME_TABLE, an initialiser of words.h's cd_word_table.
# The tool gen_word_index (tools/gen_word_index.c, its path in WORD_INDEX) writes it. Shared by
# gen_lexicon.cmake and gen_word_table.cmake.
function(cd_offset_table out name)
  if(NOT WORD_INDEX)
    message(FATAL_ERROR "WORD_INDEX: the path of the gen_word_index tool is not set")
  endif()
  set(entries_file "${CMAKE_CURRENT_BINARY_DIR}/${name}.entries")
  string(JOIN "\n" entries ${ARGN})
  file(WRITE "${entries_file}" "${entries}\n")
  execute_process(COMMAND "${WORD_INDEX}" ${name} "${entries_file}" OUTPUT_VARIABLE code RESULT_VARIABLE status)
  file(REMOVE "${entries_file}")
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "gen_word_index failed for ${name}")
  endif()
  set(${out} "${${out}}${code}" PARENT_SCOPE)
endfunction()
