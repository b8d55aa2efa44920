# -DCD_SANITIZE=ON builds everything with AddressSanitizer and UndefinedBehaviorSanitizer,
# and makes any UB report fatal so the tests fail on it.
option(CD_SANITIZE "Build with ASan and UBSan" OFF)
if(CD_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
