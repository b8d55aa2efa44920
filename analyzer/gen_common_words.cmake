# Turns the system word list into a sorted C table of common lower-case English words.
# Capitalised entries (proper names) and possessives are left out: a word is "common" only when
# the dictionary spells it in lower case.
file(STRINGS "${WORDLIST}" words REGEX "^[a-z]+$")
list(REMOVE_DUPLICATES words)
list(SORT words)
list(LENGTH words n)
list(JOIN words "\",\n\"" body)
file(WRITE "${OUT}" "/* generated from ${WORDLIST}: ${n} words */\n\"${body}\"\n")
