/* The claim grammar: one row per construction, its words drawn from the lexicon.
 *
 * A row's pattern is a PCRE2 fragment matched case-insensitively with Unicode properties; a space
 * stands for any run of white space (line breaks included) and "@name" for any entry of
 * analyzer/lexicon/name.txt. Every row becomes one branch of a single alternation (claims.c), so
 * order matters only among rows that can match at the same position: the first accepted branch
 * wins there. The check (claims_context.c) decides from the tokens around a match whether the
 * construction presents a claim nobody stands behind, and where its source phrase is.
 *
 * Configuration ("claims": {"disable": [...]}) switches off a row by its name, a whole family by
 * the family's name (hedge, impersonal-passive, impersonal-there, unnamed-group, unnamed-report,
 * anonymous-source), or one word of a list by the words matched ("reportedly", "experts").
 *
 * Messages say who is missing; "{h}" stands for the head word of the source phrase as written
 * ("Which officials?"), "{H}" for the same with a capital. */
#include "claims.h"

#define U CLAIM_UNATTRIBUTED
#define A CLAIM_ANONYMOUS

/* "widely", "generally": adverbs that make a passive sound settled without saying by whom */
#define SETTLED "(?: (?:widely|generally|commonly|now|also|often|long|increasingly|largely|still|already|privately))?"

static const char *const NAME_THEM = "Which {h}? Name them or say why they cannot be named.";
static const char *const NAME_REPORT = "Which report? Name the outlet or document it comes from.";

static const claim_def DEFS[] = {
    /* ---- hedging adverbs ---- */
    {"hedging adverb", "hedge", U, "@claim_hedges", CK_NONE, 0,
     "Says who? Name the source behind \"{h}\", or give the evidence."},

    /* ---- agentless passives of reporting and belief verbs ---- */
    {"it is believed", "impersonal-passive", U,
     "it(?: (?:is|was|has been|had been|will be|would be)|['\u2019]s)" SETTLED
     " @claim_impersonal_participles",
     CK_IMPERSONAL, 0, "{H} by whom? Say who holds or reported this, or give the evidence."},
    {"it appeared that", "impersonal-passive", U, "it (?:appeared|appears|seemed|seems) that", CK_IMPERSONAL, 0,
     "Appeared to whom? Say who observed it, or give the evidence."},
    {"it has emerged", "impersonal-passive", U, "it (?:has |had )?emerged", CK_EMERGED, 0,
     "Emerged how? Say who disclosed it, or where it was reported."},
    {"is widely believed", "impersonal-passive", U,
     "(?:widely|generally|commonly|broadly|popularly) @claim_widely_participles",
     CK_WIDELY, 0, "{H} by whom? Name who holds this view, or cite a source."},
    {"is said to be", "impersonal-passive", U,
     "(?:is|are|was|were|been|be|being) (?:(?:also|now|still|long|often|variously|widely) )?"
     "@claim_raising_participles to (?:be|have)",
     CK_RAISING, 0, "By whom? Name who says, expects or believes it."},
    {"believed to be", "impersonal-passive", U,
     "(?:believed|thought|rumou?red|reputed|alleged|understood|suspected|presumed) to (?:be|have)", CK_NONE, 0,
     "Believed by whom? Name who believes or alleges it."},
    {"is well known for", "impersonal-passive", U,
     "(?:is|are|was|were) (?:(?:also|now|long) )?(?:well-known|well known|widely known) for", CK_KNOWN_FOR, 0,
     "Known to whom? Give the evidence or a source for the reputation."},
    {"ascribed to", "impersonal-passive", U, "(?:ascribed to|blamed on)", CK_AGENTLESS, 0,
     "Ascribed by whom? Say who blames it on them."},
    {"was observed", "impersonal-passive", U,
     "(?:is|are|was|were|been|being) (?:(?:also|later|first|reportedly) )?"
     "(?:observed|spotted|sighted)",
     CK_PASSIVE, 0, "{H} by whom? Name the witness, or the record it comes from."},
    {"is considered to be", "impersonal-passive", U,
     "(?:is|are|was|were|been|being) (?:(?:also|often|generally|still|now|long|increasingly|largely) )?"
     "(?:considered (?:to be|one of|among)|(?:regarded|seen|viewed|perceived|mentioned|floated|touted) as|"
     "deemed to be)",
     CK_PASSIVE, 0, "Considered so by whom? Say who holds this view, or give the evidence."},
    {"questions have been raised", "impersonal-passive", U,
     "(?:questions|concerns|doubts|fears|criticism|allegations|accusations|claims) (?:have|has|had) (?:also )?"
     "been (?:raised|voiced|expressed|made|levelled|leveled)",
     CK_PASSIVE, 0, "Raised by whom? Say who asked the questions or voiced the concerns."},
    {"has been criticised", "impersonal-passive", U,
     "(?:(?:has|have|had) (?:(?:also|often|sometimes|repeatedly|long|previously) )?)?been "
     "(?:@claim_criticism_intensifiers )?@claim_critical_participles",
     CK_PASSIVE, 0, "{H} by whom? Name the critics, or at least one of them."},
    {"came under criticism", "impersonal-passive", U,
     "(?:came|come|comes|coming|has come|have come) under (?:@claim_criticism_adjectives )?(?:criticism|fire|attack|"
     "scrutiny)|(?:(?:is|are|was|were|has been|have been) (?:drawing|facing|attracting)|faced|faces|facing|face|drew|"
     "draws|drawing|drawn) (?:@claim_criticism_adjectives )?(?:criticism|ridicule|backlash|derision|scorn)",
     CK_PASSIVE, 0, "Criticism from whom? Name the critics, or at least one of them."},
    {"dogged by allegations", "impersonal-passive", U,
     "(?:dogged|plagued|hounded|haunted|beset|shadowed|followed) by (?:@claim_criticism_adjectives )?"
     "@claim_speculation_nouns",
     CK_THERE, 0, "Whose {h}? Say who makes them, or name the report."},

    /* ---- there is speculation ---- */
    {"there has been speculation", "impersonal-there", U,
     "there(?: (?:is|are|was|were|has been|have been|had been|remains?)|['\u2019]s)"
     "(?: (?:@claim_criticism_adjectives|also|now|long|been))* @claim_speculation_nouns",
     CK_THERE, 0, "Whose {h}? Say who is speculating, complaining or discussing it."},

    /* ---- unnamed groups ---- */
    {"according to critics", "unnamed-group", U, "according to", CK_ACCORDING, ACC_GROUP,
     "According to which {h}? Name them, or at least one of them."},
    {"critics say", "unnamed-group", U, "@claim_group_heads", CK_GROUP, GROUP_STRONG,
     "Which {h}? Name at least one, or cite where they said it."},
    {"scientists believe", "unnamed-group", U, "@claim_belief_groups", CK_GROUP, GROUP_WEAK,
     "Which {h}? Name at least one, or cite where they said it."},
    {"party members believe", "unnamed-group", U, "@claim_party_groups", CK_GROUP, GROUP_WEAK,
     "Which {h}? Name at least one, or cite where they said it."},
    {"some say", "unnamed-group", U,
     "(?:some|many|others|most|few|all|everyone|everybody)(?: @claim_contact_clauses)? "
     "(?:(?:have|had|would|will|may|might|could|still|also) )?\\pL+",
     CK_SOME, 0,
     "Who says so? Name them, or cite the poll or survey."},
    {"many people believe", "unnamed-group", U,
     "(?:some|many|most|several|numerous|multiple|countless|a number of|all)",
     CK_QUANT_GROUP, 0, "Which {h}? Name them, or say how their view was measured (a named poll or survey)."},
    {"criticised by experts", "unnamed-group", U, "by", CK_BY_GROUP, 0,
     "{H} by whom? Name at least one of them, or cite where they said it."},
    {"scientific consensus", "unnamed-group", U,
     "(?:(?:scientific|expert|medical) consensus|consensus (?:among|of) (?:scientists|experts|researchers|"
     "economists|analysts|historians|scholars|doctors))",
     CK_NAMED_AFTER, 0, "Whose consensus? Cite a review, body or survey that states it."},

    /* ---- reports, media and studies with no name ---- */
    {"according to reports", "unnamed-report", U, "according to", CK_ACCORDING, ACC_REPORTS, NAME_REPORT},
    {"according to a study", "unnamed-report", U, "according to", CK_ACCORDING, ACC_STUDY,
     "Which {h}? Say who produced it and where it was published."},
    {"according to social media", "unnamed-report", U, "according to", CK_ACCORDING, ACC_SOCIAL,
     "Which {h}? Name the account or post, and say whether it was verified."},
    {"amid reports", "unnamed-report", U,
     "(?:(?:amid|after|following|despite|citing|by|at|over|from) (?:@claim_report_modifiers )*reports|(?:to|on|with) "
     "(?:@claim_report_modifiers )*reports (?:that|of))",
     CK_REPORTS, 0, NAME_REPORT},
    {"media reports", "unnamed-report", U,
     "(?:media|press|news|local|unconfirmed|unverified|initial|early|"
     "preliminary|conflicting|anecdotal) reports",
     CK_REPORTS, 0, NAME_REPORT},
    {"reports say", "unnamed-report", U, "reports", CK_REPORTS_SUBJ, 0, NAME_REPORT},
    {"local media reported", "unnamed-report", U, "@claim_media_heads", CK_MEDIA, 0,
     "Which outlet? Name it: \"{h}\" without a name or country is no source."},
    {"a study found", "unnamed-report", U, "@claim_document_heads", CK_INDEF_DOC, 0,
     "Which {h}? Say who produced it and where it was published."},
    {"amid speculation", "unnamed-report", U,
     "(?:amid|after|following|despite) (?:(?:growing|widespread|mounting|intense|renewed|fresh|media) )?"
     "(?:speculation|rumou?rs)",
     CK_NAMED_AFTER, 0, "Whose {h}? Say who is speculating, or name the report."},
    {"studies show", "unnamed-report", U,
     "(?:studies|research|surveys|polls|estimates) (?:(?:have|has|had) )?(?:(?:also|consistently|repeatedly|long|"
     "previously) )?(?:show|shows|shown|showed|suggest|suggests|suggested|indicate|indicates|indicated|find|"
     "finds|found|prove|proves|proved|proven|demonstrate|demonstrates|demonstrated|confirm|confirms|confirmed)",
     CK_STUDIES, 0, "Which {h}? Say who did the work and where it was published."},
    {"by one estimate", "unnamed-report", U,
     "by (?:one|some|other|several|many|most) (?:estimates?|accounts?|counts?|"
     "measures?|reckonings?)",
     CK_NAMED_AFTER, 0, "Whose {h}? Name who made it."},

    /* ---- anonymous sources ---- */
    {"according to sources", "anonymous-source", A, "according to", CK_ACCORDING, ACC_ANON, NAME_THEM},
    {"sources said", "anonymous-source", A, "sources?", CK_SOURCE, 0, NAME_THEM},
    {"officials said", "anonymous-source", A, "(?:officials?|authorities|investigators)", CK_OFFICIALS, 0, NAME_THEM},
    {"an aide said", "anonymous-source", A, "@claim_anonymous_heads", CK_PERSON, 0, NAME_THEM},
    {"people familiar with the matter", "anonymous-source", A,
     "(?:people|persons?|someone|individuals|those|one person|two people|three people) (?:familiar with|with "
     "(?:direct |first-hand |firsthand |personal )?knowledge of|briefed on|close to|involved in)",
     CK_FAMILIAR, 0, "Who are they? Name them or say why they cannot be named."},
    {"on condition of anonymity", "anonymous-source", A,
     "(?:(?:on|under) (?:the )?condition (?:of anonymity|that (?:he|she|they|his|her|their|its|it|the) (?:\\S+ )?"
     "(?:not be|would not be|remain|was not|were not|not) (?:named|identified|quoted|disclosed))|(?:requested|"
     "request|requesting|asked for|granted|given|demanded|insisted on|in exchange for) anonymity)",
     CK_EXPLAINS, 0, "Who is the unnamed source? Name them, or say what puts them in a position to know."},
    {"asked not to be named", "anonymous-source", A,
     "(?:(?:asked|asking|requested|wished|preferred|wanted) not to be (?:named|identified)|(?:declined|refused|"
     "declining|refusing) to be (?:named|identified)|not authori[sz]ed to (?:speak|talk|comment|discuss))",
     CK_EXPLAINS, 0, "Who is the unnamed source? Name them, or say what puts them in a position to know."},
    {"spoke on background", "anonymous-source", A, "on (?:deep )?background", CK_BACKGROUND, 0,
     "Who spoke on background? Name them, or say what puts them in a position to know."},
    {"an unnamed official", "anonymous-source", A, "(?:unnamed|anonymous|unidentified)", CK_UNNAMED, 0, NAME_THEM},
    {"off the record", "anonymous-source", A, "off the record", CK_EXPLAINS, 0,
     "Who spoke off the record? Name them, or say what puts them in a position to know."},
    {"anonymously", "anonymous-source", A, "anonymously", CK_ANON_ADV, 0,
     "Who is the anonymous source? Name them, or say what puts them in a position to know."},
};

const claim_def *cd_claim_defs(size_t *count) {
  *count = sizeof DEFS / sizeof DEFS[0];
  return DEFS;
}
