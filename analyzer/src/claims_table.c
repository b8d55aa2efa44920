/* The built-in claim phrases: data, one row per phrase a user can switch off by its name.
 *
 * Configuration ("claims": {"disable": [...]}) switches a row off by its name ("reportedly",
 * "officials said") or a whole family by the family's name: hedge, impersonal-passive,
 * impersonal-there, unnamed-group, unnamed-report, anonymous-source. Names and families match
 * case-insensitively.
 *
 * Patterns are PCRE2 fragments matched case-insensitively with Unicode properties; a space stands
 * for any run of white space (line breaks included). Every row becomes one branch of a single
 * alternation (see claims.c), so the order matters only among rows that can match at the same
 * position: the first accepted branch wins there. The check (claims_context.c) decides from the
 * tokens around a match whether it is a claim nobody stands behind. */
#include "claims.h"

/* Modifiers that leave "reports" unnamed: "unconfirmed media reports". */
#define REPORT_MODS                                                                                        \
  "(?:(?:unconfirmed|unverified|initial|early|earlier|preliminary|conflicting|some|several|numerous|many|" \
  "multiple|recent|other|local|media|news|press|published|widespread|various|online|anecdotal) )*"

#define U CLAIM_UNATTRIBUTED
#define A CLAIM_ANONYMOUS

static const claim_def DEFS[] = {
    /* ---- hedging adverbs ---- */
    {"reportedly", "hedge", U, "reportedly", CK_NONE, 0,
     "Reported by whom? Name the outlet or document the report comes from, or attribute the claim to "
     "someone on record."},
    {"allegedly", "hedge", U, "allegedly", CK_NONE, 0,
     "Alleged by whom? Say who makes the allegation (police, prosecutors, a named accuser)."},
    {"purportedly", "hedge", U, "purportedly", CK_NONE, 0,
     "Purported by whom? Say who makes the claim, or how it was established."},
    {"supposedly", "hedge", U, "supposedly", CK_NONE, 0,
     "Supposed by whom? Say who makes the claim, or how it was established."},
    {"reputedly", "hedge", U, "reputedly", CK_NONE, 0,
     "Reputed by whom? Say who makes the claim, or how it was established."},
    {"apparently", "hedge", U, "apparently", CK_NONE, 0,
     "Apparent to whom? Say who says so, or what the evidence is."},

    /* ---- impersonal passives: it is believed / it was said ---- */
    {"it is believed", "impersonal-passive", U,
     "it(?: (?:is|was|has been|had been)|['\u2019]s)(?: (?:widely|generally|commonly|now|also|often|long|increasingly|"
     "largely|still|already|privately))? (?:believed|thought|understood|assumed|felt|held|suspected|feared|"
     "presumed)",
     CK_IMPERSONAL, 0, "Believed by whom? Say who holds this view, or give the evidence for it."},
    {"it has emerged", "impersonal-passive", U, "it (?:has |had )?emerged", CK_EMERGED, 0,
     "Emerged how? Say who disclosed it, or where it was reported."},
    {"it is said", "impersonal-passive", U,
     "it(?: (?:is|was|has been|had been)|['\u2019]s)(?: (?:widely|generally|commonly|now|also|often|long|increasingly|"
     "largely|still|already|privately))? (?:said|claimed|alleged|rumou?red|reported|suggested|intimated|"
     "speculated|argued|estimated|hinted|whispered)",
     CK_IMPERSONAL, 0, "Said by whom? Name who said, reported or suggested it."},
    {"is widely believed", "impersonal-passive", U,
     "(?:widely|generally|commonly|broadly|popularly) (?:believed|considered|suspected|regarded|thought|seen|"
     "viewed|held|accepted|acknowledged|known|reported|assumed|perceived|recogni[sz]ed|rumou?red|credited|"
     "blamed|expected|tipped)",
     CK_WIDELY, 0, "Widely held by whom? Say who believes or considers it, or cite a source."},
    {"is said to be", "impersonal-passive", U,
     "(?:is|are|was|were|been|be|being) (?:(?:also|now|still|long|often|variously) )?(?:said|known|reported|"
     "rumou?red|believed|thought|alleged|understood|suspected|claimed|reputed|presumed|feared|estimated) to "
     "(?:be|have)",
     CK_RAISING, 0, "Said by whom? Name who says, reports or believes it."},
    {"believed to be", "impersonal-passive", U,
     "(?:believed|thought|rumou?red|reputed|alleged|understood|suspected|presumed) to (?:be|have)", CK_NONE, 0,
     "Believed by whom? Name who believes or alleges it."},
    {"is well known for", "impersonal-passive", U,
     "(?:is|are|was|were) (?:(?:also|now|long) )?(?:well-known|well known|widely known) for", CK_KNOWN_FOR, 0,
     "Known to whom? Give the evidence or a source for the reputation."},
    {"ascribed to", "impersonal-passive", U, "(?:ascribed to|blamed on)", CK_AGENTLESS, 0,
     "Ascribed by whom? Say who blames it on them (police, a group claiming it, officials on record)."},
    {"is considered to be", "impersonal-passive", U,
     "(?:is|are|was|were|been|being) (?:(?:also|often|generally|still|now|long|increasingly|largely) )?"
     "(?:considered (?:to be|one of|among)|(?:regarded|seen|viewed|perceived) as|deemed to be)",
     CK_PASSIVE, 0, "Considered so by whom? Say who holds this view, or give the evidence."},
    {"questions have been raised", "impersonal-passive", U,
     "(?:questions|concerns|doubts|fears|criticism|allegations|accusations|claims) (?:have|has|had) (?:also )?"
     "been (?:raised|voiced|expressed|made|levelled|leveled)",
     CK_PASSIVE, 0, "Raised by whom? Say who asked the questions or voiced the concerns."},
    {"has been criticised", "impersonal-passive", U,
     "(?:has|have|had|was|were|is|are|been) (?:(?:widely|heavily|strongly|sharply|also|repeatedly|roundly|"
     "increasingly) )?(?:criticised|criticized|condemned|disputed)",
     CK_PASSIVE, 0, "Criticised by whom? Name the critics, or at least one of them."},

    /* ---- there is speculation ---- */
    {"there has been speculation", "impersonal-there", U,
     "there(?: (?:is|are|was|were|has been|have been|had been|remains?)|['\u2019]s)(?: (?:some|much|widespread|growing|"
     "increasing|numerous|many|considerable|mounting|persistent|several|also|now|long|been|repeated|frequent|"
     "recent))* (?:speculation|discussion|talk|concerns?|criticism|complaints|suggestions|rumou?rs|claims|"
     "reports|fears|allegations|doubts|accusations|calls)",
     CK_THERE, 0, "Whose? Say who is speculating, complaining or discussing it."},

    /* ---- unnamed groups ---- */
    {"according to critics", "unnamed-group", U, "according to", CK_ACCORDING, ACC_GROUP,
     "According to whom? Name the people, or at least one of them."},
    {"critics say", "unnamed-group", U, "critics", CK_GROUP, GROUP_STRONG,
     "Say who the critics are: name at least one, or cite where the criticism was made."},
    {"experts say", "unnamed-group", U, "experts", CK_GROUP, GROUP_STRONG,
     "Name the experts, or cite where they said it."},
    {"analysts say", "unnamed-group", U, "analysts", CK_GROUP, GROUP_STRONG,
     "Name the analysts, or cite where they said it."},
    {"observers say", "unnamed-group", U, "(?:observers|commentators|pundits)", CK_GROUP, GROUP_STRONG,
     "Say who the observers are: name them, or cite where they said it."},
    {"opponents say", "unnamed-group", U, "(?:opponents|detractors|sceptics|skeptics)", CK_GROUP, GROUP_STRONG,
     "Say who the opponents are: name at least one."},
    {"scientists believe", "unnamed-group", U,
     "(?:scientists|researchers|scholars|academics|economists|historians)", CK_GROUP, GROUP_WEAK,
     "Name the scientists or the study, or cite where they said it."},
    {"lawmakers argue", "unnamed-group", U, "(?:lawmakers|legislators|politicians)", CK_GROUP, GROUP_WEAK,
     "Say which lawmakers: name at least one."},
    {"supporters argue", "unnamed-group", U, "(?:supporters|proponents|advocates|backers)", CK_GROUP, GROUP_WEAK,
     "Say who the supporters are: name at least one."},
    {"some say", "unnamed-group", U,
     "(?:some|many|others) (?:(?:have|had|would|will|may|might|could|still|also) )?(?:say|said|says|believe|believed|argue|argued|claim|claimed|contend|contended|"
     "insist|insisted|maintain|maintained|fear|feared|speculate|speculated|allege|alleged|suggest|suggested|"
     "suspect|suspected|feel|felt|think|worry|worried|consider|considered|called|described|questioned|criticised|"
     "criticized|warned|warn|accused|doubted|doubt|expressed|noted|complained|wondered)",
     CK_SOME, 0, "Who? Say who says or believes it."},
    {"many people believe", "unnamed-group", U, "people", CK_GROUP, GROUP_QUANT_ONLY,
     "Who? Say which people, or how their view was measured (a named poll or survey)."},
    {"scientific consensus", "unnamed-group", U,
     "(?:(?:scientific|expert|medical) consensus|consensus (?:among|of) (?:scientists|experts|researchers|"
     "economists|analysts|historians|scholars|doctors))",
     CK_NAMED_AFTER, 0, "Cite the consensus: name a review, body or survey that states it."},

    /* ---- reports, media and studies with no name ---- */
    {"according to reports", "unnamed-report", U, "according to", CK_ACCORDING, ACC_REPORTS,
     "Name the report: which outlet or document, and when."},
    {"according to a study", "unnamed-report", U, "according to", CK_ACCORDING, ACC_STUDY,
     "Name the study: who did it, and where it was published."},
    {"according to social media", "unnamed-report", U, "according to", CK_ACCORDING, ACC_SOCIAL,
     "Name the account or the post, and say whether it was verified."},
    {"amid reports", "unnamed-report", U,
     "(?:(?:amid|after|following|despite|citing|by|at|over|from) " REPORT_MODS "reports|(?:to|on|with) " REPORT_MODS
     "reports (?:that|of))",
     CK_REPORTS, 0, "Name the report: which outlet or document, and when."},
    {"media reports", "unnamed-report", U,
     "(?:media|press|news|local|unconfirmed|unverified|initial|early|preliminary|conflicting|anecdotal) reports",
     CK_REPORTS, 0, "Name the report: which outlet or document, and when."},
    {"reports say", "unnamed-report", U, "reports", CK_REPORTS_SUBJ, 0,
     "Name the report: which outlet or document, and when."},
    {"local media reported", "unnamed-report", U, "(?:media|press|newspapers|outlets|broadcasters)", CK_MEDIA, 0,
     "Name the outlet."},
    {"a study found", "unnamed-report", U,
     "(?:report|study|survey|poll|analysis|review|investigation|audit|assessment|dossier|memo)", CK_INDEF_DOC, 0,
     "Name the study or report: who produced it, and where it was published."},
    {"amid speculation", "unnamed-report", U,
     "(?:amid|after|following|despite) (?:(?:growing|widespread|mounting|intense|renewed|fresh|media) )?"
     "(?:speculation|rumou?rs)",
     CK_NAMED_AFTER, 0, "Whose speculation? Say who is speculating, or name the report."},
    {"studies show", "unnamed-report", U,
     "(?:studies|research|surveys|polls|estimates) (?:(?:have|has|had) )?(?:(?:also|consistently|repeatedly|long|"
     "previously) )?(?:show|shows|shown|showed|suggest|suggests|suggested|indicate|indicates|indicated|find|"
     "finds|found|prove|proves|proved|proven|demonstrate|demonstrates|demonstrated|confirm|confirms|confirmed)",
     CK_STUDIES, 0, "Name the study: who did it, and where it was published."},

    /* ---- anonymous sources ---- */
    {"according to sources", "anonymous-source", A, "according to", CK_ACCORDING, ACC_ANON,
     "According to whom? Name the source, or say why they are anonymous and how they know."},
    {"sources said", "anonymous-source", A, "sources?", CK_SOURCE, 0,
     "Say why the source is anonymous, and what puts them in a position to know."},
    {"officials said", "anonymous-source", A, "officials?", CK_OFFICIALS, 0,
     "Name the officials or the body they speak for, or say why they are anonymous."},
    {"an aide said", "anonymous-source", A,
     "(?:mps?|meps?|lawmaker|legislator|diplomats?|insiders?|aides?|advisers?|advisors?|staffers?|"
     "whistle-?blowers?)",
     CK_PERSON, 0, "Name the person, or say why they are anonymous and how they know."},
    {"people familiar with the matter", "anonymous-source", A,
     "(?:people|persons?|someone|individuals|those|one person|two people|three people) (?:familiar with|with "
     "(?:direct |first-hand |firsthand |personal )?knowledge of|briefed on|close to|involved in)",
     CK_FAMILIAR, 0, "Name them, or say why they are anonymous and how they know."},
    {"on condition of anonymity", "anonymous-source", A,
     "(?:(?:on|under) (?:the )?condition (?:of anonymity|that (?:he|she|they|his|her|their|its|it|the) (?:\\S+ )?"
     "(?:not be|would not be|remain|was not|were not|not) (?:named|identified|quoted|disclosed))|(?:requested|"
     "request|requesting|asked for|granted|given|demanded|insisted on|in exchange for) anonymity)",
     CK_NONE, 0, "Say why the source is anonymous, and what puts them in a position to know."},
    {"asked not to be named", "anonymous-source", A,
     "(?:(?:asked|asking|requested|wished|preferred|wanted) not to be (?:named|identified)|(?:declined|refused|"
     "declining|refusing) to be (?:named|identified)|not authori[sz]ed to (?:speak|talk|comment|discuss))",
     CK_NONE, 0, "Say why the source is anonymous, and what puts them in a position to know."},
    {"spoke on background", "anonymous-source", A, "on (?:deep )?background", CK_BACKGROUND, 0,
     "Say why the source spoke only on background, and what puts them in a position to know."},
    {"an unnamed official", "anonymous-source", A, "(?:unnamed|anonymous|unidentified)", CK_UNNAMED, 0,
     "Name the source, or say why they are anonymous and what puts them in a position to know."},
    {"off the record", "anonymous-source", A, "off the record", CK_NONE, 0,
     "Say why the source would speak only off the record, and what puts them in a position to know."},
    {"anonymously", "anonymous-source", A, "anonymously", CK_ANON_ADV, 0,
     "Say why the source is anonymous, and what puts them in a position to know."},
};

const claim_def *cd_claim_defs(size_t *count) {
  *count = sizeof DEFS / sizeof DEFS[0];
  return DEFS;
}
