/* Claims pass internals: the grammar of claims (data) and the context checks that decide, from
 * the tokens around a construction, whether it presents a claim nobody stands behind.
 *
 * claims_table.c   the constructions: one row each, with its family, kind, pattern over lexicon
 *                  lists (analyzer/lexicon/claim_*.txt) and message
 * claims_context.c the checks (CK_*) a row names: where the source phrase is, what its head is,
 *                  and whether anything names it
 * claims.c         runs every enabled row once over the text and turns accepted hits into one
 *                  claim.* finding per claim */
#ifndef CD_CLAIMS_H
#define CD_CLAIMS_H
#include <stdbool.h>
#include <stddef.h>

#include "doc.h"

typedef enum claim_kind {
  CLAIM_UNATTRIBUTED = 0, /* claim.unattributed: weasel wording */
  CLAIM_ANONYMOUS         /* claim.anonymous-source */
} claim_kind;

/* Context checks. CK_NONE accepts any prose match; the others look at the tokens around it. */
typedef enum claim_check {
  CK_NONE = 0,
  CK_IMPERSONAL,  /* "it is believed": not when an agent follows ("it was reported by the BBC") */
  CK_KNOWN_FOR,   /* "is well known for" */
  CK_GROUP,       /* "critics say": an unnamed group as the subject of a verb of claiming */
  CK_SOME,        /* "some say": pronoun subject */
  CK_NAMED_AFTER, /* accepted unless a name follows ("consensus among scientists at CERN") */
  CK_REPORTS,     /* "amid reports", "media reports": unless the report is named after it */
  CK_REPORTS_SUBJ,/* "Reports say ...", a sentence opening with "Reports" */
  CK_MEDIA,       /* "local media reported", "according to local media" */
  CK_STUDIES,     /* "studies show": not "the studies", not "Harvard studies" */
  CK_THERE,       /* "there has been speculation" */
  CK_WIDELY,      /* "widely believed": not "commonly known as" */
  CK_AGENTLESS,   /* "an attack ascribed to the Taliban": not "which he blamed on" */
  CK_ACCORDING,   /* "according to" + an unnamed source; the row's arg says which category */
  CK_SOURCE,      /* "sources said", "a source close to" */
  CK_OFFICIALS,   /* "officials said" (unnamed), "a Turkish official said" */
  CK_PERSON,      /* "one MP told", "an aide said", "diplomats said" */
  CK_FAMILIAR,    /* "people familiar with", "people close to him" */
  CK_BACKGROUND,  /* "spoke on background" */
  CK_ANON_ADV,    /* "provided anonymously", "speaking anonymously" */
  CK_EMERGED,     /* "it emerged on Tuesday that" */
  CK_INDEF_DOC,   /* "a recent study found": an unnamed study or report as a subject */
  CK_UNNAMED,     /* "an unnamed official said", "an anonymous post claimed" */
  CK_RAISING,     /* "is said to be": not a casualty count ("are known to have died") */
  CK_PASSIVE,     /* "is considered to be", "has been criticised": unless "by" names the agent */
  CK_QUANT_GROUP, /* "some residents say", "many Democrats fear": a quantified group of any noun */
  CK_BY_GROUP,    /* "echoed by a number of experts": an unnamed group as the agent of a verb of saying */
  CK_EXPLAINS     /* "on condition of anonymity": why a source is unnamed, part of that source's claim */
} claim_check;

/* Categories for CK_ACCORDING (the row's arg). */
enum {
  ACC_REPORTS = 1, /* according to (media) reports, local media, the press */
  ACC_STUDY,       /* according to a (2011) study / survey / poll / report; according to studies */
  ACC_ANON,        /* according to sources / officials / a whistle-blower complaint */
  ACC_GROUP,       /* according to critics / experts / Johnson's critics */
  ACC_SOCIAL       /* according to videos posted on social media, according to rumours */
};

/* Strength of a CK_GROUP noun (the row's arg). */
enum {
  GROUP_STRONG = 1, /* critics, experts, analysts: any verb of saying or claiming */
  GROUP_WEAK        /* scientists, lawmakers: a verb of opinion, or a quantifier ("some") */
};

typedef struct claim_def {
  const char *name;    /* the phrase as users see and disable it: "reportedly", "officials said" */
  const char *family;  /* "hedge", "impersonal-passive", ... (also accepted to disable a family) */
  claim_kind kind;
  const char *pattern; /* PCRE2 fragment, lower case; a space stands for any run of white space */
  claim_check check;
  int arg;             /* check parameter (ACC_*, GROUP_*), 0 when unused */
  const char *message; /* says who is missing; "{h}" is the head word as written, "{H}" capitalised */
} claim_def;

/* The built-in rows, static storage. */
const claim_def *cd_claim_defs(size_t *count);

/* An accepted hit: the span to report and the token of its head word (the noun of the source
 * phrase, or the word the message names). A check that accepts a phrase only because an
 * anaphoric determiner ("the experts") may refer back to an unnamed group sets `anaphoric`: the
 * pass then reports it only when an earlier finding had the same head. */
typedef struct claim_hit {
  size_t start, end;
  claim_kind kind;
  size_t head;
  bool anaphoric;
} claim_hit;

/* Runs a row's check on a match of bytes [start, end) that is aligned to tokens
 * [first_tok, end_tok). Fills *hit (its span defaults to the match) and says whether to report. */
bool cd_claim_check(const cd_doc *doc, const claim_def *def, size_t first_tok, size_t end_tok, claim_hit *hit);

/* Is a quote speaker phrase (tokens [first, end)) an unnamed source ("a source", "officials")? */
bool cd_claim_anonymous_speaker(const cd_doc *doc, size_t first, size_t end);

/* Which PCRE2 engine the claims pass runs: by how much text the configuration has read (AUTO), or
 * always one of them. Both give the same answers; tests compare them. */
typedef enum { CD_CLAIMS_ENGINE_AUTO, CD_CLAIMS_ENGINE_INTERPRETER, CD_CLAIMS_ENGINE_JIT } cd_claims_engine;
/* For tests: sets the engine of cfg's claims pass (building its compiled phrases). False when the
 * phrases cannot be built, or JIT code was asked for and PCRE2 cannot make it. */
bool cd_claims_set_engine(const cd_config *cfg, cd_claims_engine engine);

#endif
