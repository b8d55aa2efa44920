# Turns the system word list into a sorted C table of capitalised words (proper names such as
# "Australia", "Johnson", "Reuters"), folded to lower case. The names pass reads it to tell an
# established name from a probable misspelling of another.
file(STRINGS "${WORDLIST}" words REGEX "^[A-Z][A-Za-z]+$")
string(TOLOWER "${words}" words)
list(REMOVE_DUPLICATES words)
list(SORT words)
list(LENGTH words n)
list(JOIN words "\",\n\"" body)
file(WRITE "${OUT}" "/* generated from ${WORDLIST}: ${n} words */\n\"${body}\"\n")
