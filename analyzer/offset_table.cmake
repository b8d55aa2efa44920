# cd_offset_table(OUT NAME ENTRIES...): appends to OUT the C source of a table of sorted entries as
# one block of characters (entries separated by NUL) and an array of offsets into it, named
# NAME_CHARS and NAME_OFFSETS: unlike a table of pointers, it needs no relocation at start-up.
# words.h's cd_offset_table_has searches it. Shared by gen_lexicon.cmake and gen_word_table.cmake.
function(cd_offset_table out name)
  set(chars "")
  set(offsets "")
  set(at 0)
  foreach(e IN LISTS ARGN)
    string(APPEND chars "\n  \"${e}\\0\"")
    string(APPEND offsets "${at},")
    string(LENGTH "${e}" len)
    math(EXPR at "${at} + ${len} + 1")
  endforeach()
  set(${out} "${${out}}static const char ${name}_CHARS[] =${chars};\nstatic const uint32_t ${name}_OFFSETS[] = {${offsets}};\n"
      PARENT_SCOPE)
endfunction()
