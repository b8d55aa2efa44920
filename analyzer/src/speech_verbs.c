#include "speech_verbs.h"

#include "words.h"

static const char *const SPEECH[] = {
    "said", "says", "say", "told", "tells", "tell", "added", "adds", "asked", "asks", "wrote", "writes",
    "tweeted", "tweets", "posted", "posts", "warned", "warns", "argued", "argues", "insisted", "insists",
    "noted", "notes", "explained", "explains", "claimed", "claims", "denied", "denies", "stated", "states",
    "replied", "replies", "responded", "responds", "remarked", "remarks", "commented", "comments",
    "continued", "continues", "concluded", "concludes", "declared", "declares", "announced", "announces",
    "acknowledged", "acknowledges", "admitted", "admits", "agreed", "agrees", "observed", "observes",
    "recalled", "recalls", "suggested", "suggests", "urged", "urges", "vowed", "vows", "promised",
    "promises", "predicted", "predicts", "stressed", "stresses", "emphasised", "emphasized", "emphasises",
    "emphasizes", "maintained", "maintains", "conceded", "concedes", "confirmed", "confirms", "shouted",
    "yelled", "whispered", "cried", "exclaimed", "joked", "jokes", "quipped", "quips", "boasted", "boasts",
    "complained", "complains", "lamented", "laments", "answered", "answers", "countered", "counters",
    "testified", "testifies", "reported", "reports", "announced", "informed", "informs", "assured",
    "assures", "pleaded", "pleads", "begged", "demanded", "demands", "charged", "alleged", "alleges",
    "contended", "contends", "reiterated", "reiterates", "mused", "muses", "marveled", "marvelled",
    "recounted", "recounts", "described", "describes", "read", "reads", "messaged", "texted", "emailed",
    "echoed", "echoes", "affirmed", "affirms", "proclaimed", "proclaims", "reasoned", "reckoned",
    "thundered", "snapped", "retorted", "interjected", "opined", "opines", "elaborated", "elaborates",
    "clarified", "clarifies", "pointed", "went", "asserted", "asserts", "predicted",
    "wondered", "wonders", "underlined", "underlines", "reasserted", "reaffirmed", "speculated", "summarised", "summarized", "tweeting", NULL};

static const char *const PARTICIPLES[] = {"saying", "adding", "noting", "calling", "telling", "arguing",
                                          "writing", "warning", "explaining", "insisting", "claiming",
                                          "stating", "declaring", "describing", "asking", "stressing",
                                          "urging", "promising", "vowing", "tweeting", "posting", "citing",
                                          "remarking", "commenting", "concluding", "suggesting", "reading",
                                          "recalling", "acknowledging", "admitting", "replying", NULL};

static const char *const STANCE[] = {
    "called", "calls", "call", "calling", "described", "describes", "describing", "termed", "terms",
    "dismissed", "dismisses", "welcomed", "welcomes", "praised", "praises", "criticised", "criticized",
    "criticises", "criticizes", "accused", "accuses", "condemned", "condemns", "slammed", "slams", "blasted",
    "blasts", "hailed", "hails", "labelled", "labeled", "labels", "branded", "brands", "characterised",
    "characterized", "characterises", "characterizes", "referred", "refers", "held", "holds", "pledged",
    "pledges", "expressed", "expresses", "gave", "gives", "offered", "offers", "opposed", "opposes",
    "cited", "cites", "envisioned", "envisions", "envisaged", "rejected", "rejects", "decried", "decries",
    "defended", "defends", "deemed", "deems", "considered", "considers", "questioned", "questions",
    "thanked", "thanks", "attacked", "attacks", "mocked", "mocks", "derided", "derides", "invoked",
    "hoped", "feared", "fears", "believed", "believes", "thought", "thinks", "felt", "feels", "blamed",
    "blames", "predicted", "sought", "seeks", "promised", "announced", "vowed", "urged", "argued", "noted",
    "warned", "insisted", "claimed", "denied", "stated", "wrote", "said", "told", "added", "asked",
    "tweeted", "posted", "sees", "saw", "viewed", "views", "regarded",
    "regards", "lauded", "lauds", "found", "finds", "ruled", "rules", "concluded", "decided", "determined", "pointing", "pointed", "spoke", "speaks", "talked", "talks", NULL};

bool cd_is_speech_verb(const cd_config *config, const char *s, size_t n) {
  if (cd_word_in(s, n, SPEECH)) return true;
  return config && cd_strlist_contains_ci(&config->speech_verbs, s, n);
}

bool cd_is_speech_participle(const char *s, size_t n) { return cd_word_in(s, n, PARTICIPLES); }

bool cd_is_stance_verb(const char *s, size_t n) { return cd_word_in(s, n, STANCE); }
