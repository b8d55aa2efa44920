# -DCD_FUZZ=ON (with clang: CC=clang) builds the libFuzzer targets of tests/fuzz, and everything
# they link with ASan, UBSan and libFuzzer's coverage. See tests/fuzz/README.md.
option(CD_FUZZ "Build the libFuzzer targets (clang only)" OFF)
if(CD_FUZZ)
  if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "CD_FUZZ needs clang: configure with CC=clang")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
