#include "speech_verbs.h"

#include "words.h"

/* sorted: looked up by binary search */
static const char *const SPEECH[] = {
    "acknowledged", "acknowledges", "added", "adds", "admits", "admitted", "affirmed", "affirms", "agreed",
    "agrees", "alleged", "alleges", "announced", "announces", "answered", "answers", "argued", "argues",
    "asked", "asks", "asserted", "asserts", "assured", "assures", "begged", "boasted", "boasts", "charged",
    "claimed", "claims", "clarified", "clarifies", "commented", "comments", "complained", "complains",
    "conceded", "concedes", "concluded", "concludes", "confirmed", "confirms", "contended", "contends",
    "continued", "continues", "countered", "counters", "cried", "declared", "declares", "demanded", "demands",
    "denied", "denies", "described", "describes", "echoed", "echoes", "elaborated", "elaborates", "emailed",
    "emphasised", "emphasises", "emphasized", "emphasizes", "exclaimed", "explained", "explains", "informed",
    "informs", "insisted", "insists", "interjected", "joked", "jokes", "lamented", "laments", "maintained",
    "maintains", "marveled", "marvelled", "messaged", "mused", "muses", "noted", "notes", "observed",
    "observes", "opined", "opines", "pleaded", "pleads", "pointed", "posted", "posts", "predicted", "predicts",
    "proclaimed", "proclaims", "promised", "promises", "quipped", "quips", "read", "reads", "reaffirmed",
    "reasoned", "reasserted", "recalled", "recalls", "reckoned", "recounted", "recounts", "reiterated",
    "reiterates", "remarked", "remarks", "replied", "replies", "reported", "reports", "responded", "responds",
    "retorted", "said", "say", "says", "shouted", "snapped", "speculated", "stated", "states", "stressed",
    "stresses", "suggested", "suggests", "summarised", "summarized", "tell", "tells", "testified", "testifies",
    "texted", "thundered", "told", "tweeted", "tweeting", "tweets", "underlined", "underlines", "urged",
    "urges", "vowed", "vows", "warned", "warns", "went", "whispered", "wondered", "wonders", "writes", "wrote",
    "yelled", NULL};

/* sorted: looked up by binary search */
static const char *const PARTICIPLES[] = {
    "acknowledging", "adding", "admitting", "arguing", "asking", "calling", "citing", "claiming", "commenting",
    "concluding", "declaring", "describing", "explaining", "insisting", "noting", "posting", "promising",
    "reading", "recalling", "remarking", "replying", "saying", "stating", "stressing", "suggesting", "telling",
    "tweeting", "urging", "vowing", "warning", "writing", NULL};

/* sorted: looked up by binary search */
static const char *const STANCE[] = {
    "accused", "accuses", "added", "announced", "argued", "asked", "attacked", "attacks", "believed",
    "believes", "blamed", "blames", "blasted", "blasts", "branded", "brands", "call", "called", "calling",
    "calls", "characterised", "characterises", "characterized", "characterizes", "cited", "cites", "claimed",
    "concluded", "condemned", "condemns", "considered", "considers", "criticised", "criticises", "criticized",
    "criticizes", "decided", "decried", "decries", "deemed", "deems", "defended", "defends", "denied",
    "derided", "derides", "described", "describes", "describing", "determined", "dismissed", "dismisses",
    "envisaged", "envisioned", "envisions", "expressed", "expresses", "feared", "fears", "feels", "felt",
    "finds", "found", "gave", "gives", "hailed", "hails", "held", "holds", "hoped", "insisted", "invoked",
    "labeled", "labelled", "labels", "lauded", "lauds", "mocked", "mocks", "noted", "offered", "offers",
    "opposed", "opposes", "pledged", "pledges", "pointed", "pointing", "posted", "praised", "praises",
    "predicted", "promised", "questioned", "questions", "referred", "refers", "regarded", "regards",
    "rejected", "rejects", "ruled", "rules", "said", "saw", "seeks", "sees", "slammed", "slams", "sought",
    "speaks", "spoke", "stated", "talked", "talks", "termed", "terms", "thanked", "thanks", "thinks",
    "thought", "told", "tweeted", "urged", "viewed", "views", "vowed", "warned", "welcomed", "welcomes",
    "wrote", NULL};

bool cd_is_speech_verb(const cd_config *config, const char *s, size_t n) {
  if (CD_SORTED_IN(s, n, SPEECH)) return true;
  return config && cd_strlist_contains_ci(&config->speech_verbs, s, n);
}

bool cd_is_speech_participle(const char *s, size_t n) { return CD_SORTED_IN(s, n, PARTICIPLES); }

bool cd_is_stance_verb(const char *s, size_t n) { return CD_SORTED_IN(s, n, STANCE); }
