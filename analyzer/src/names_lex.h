/* Word lists for the mention, entity and names passes. */
#ifndef CD_NAMES_LEX_H
#define CD_NAMES_LEX_H
#include <stdbool.h>
#include <stddef.h>

/* A capitalised word of the system word list ("Australia", "Johnson") or a news outlet known by
 * one name (news_outlets.txt: "Axios", "Haaretz"): an established name. `key` is a folded name key
 * (lower case ASCII). */
bool cd_is_proper_word(const char *key);
/* Words that make a capitalised name a place or an organisation, not a person
 * ("North Korea", "Supreme Court"); slice of any case. */
bool cd_is_not_person_word(const char *s, size_t n);
/* A given name of any list (given_names_male.txt, given_names_female.txt, given_names_unisex.txt);
 * slice of any case. */
bool cd_is_given_name(const char *s, size_t n);
/* The gender a courtesy title gives ("Mr", "Mr.": 1, a man; "Mrs", "Ms", "Miss": 2, a woman), else
 * 0; slice of any case, with or without its full stop. */
int cd_title_gender(const char *s, size_t n);
/* Titles that go with a given name or a style, not a surname: King, Pope, Prince, Sir, Lord... */
bool cd_is_given_name_title(const char *s, size_t n);
/* Titles that stand before a surname and say the bearer is a person: President, Senator, Mayor, Gen.
 * Not the adjectives that also begin titles (Foreign, Vice, Deputy, Former). */
bool cd_is_person_title(const char *s, size_t n);
/* Generational suffixes that are not a surname (name_suffixes.txt: Jr, Sr, II, III); slice of any
 * case. */
bool cd_is_name_suffix(const char *s, size_t n);
/* "St" or "Ste", as written (a capital S), for Saint in a name ("Dan St. Jean", "St. Louis"). */
bool cd_is_saint_abbreviation(const char *s, size_t n);
/* Single capitals joined by stops, with or without the last: a person's initials ("J.M." of "J.M.
 * Berger", "T.S" of "T.S. Eliot"), not an acronym ("RAF", "KSR"). */
bool cd_is_initials(const char *s, size_t n);
/* Nouns a surname modifies attributively ("the Trump administration", "the Biden campaign"). */
bool cd_is_attributive_head(const char *s, size_t n);

#endif
