/* Invented articles for the benchmarks, built to a target size. Header-only: each bench is one
 * executable of its own.
 *
 * bench_news_article: wire-copy density. Each section introduces new people (given names and
 * surnames combined, so names keep coming), quotes them with and without pronouns, mentions them
 * again by surname and with a courtesy title, and mixes in background paragraphs, claims and
 * organisations: about one quote per 450 bytes and some ninety named people, a hundred distinct
 * name words, in 60 KB (published wire copy runs at about one quote per 500 bytes).
 *
 * bench_dense_article: a worst case. Six short paragraphs, nearly all quotes and findings,
 * repeated: six times the quote density of news and few distinct names. */
#ifndef CD_BENCH_ARTICLES_H
#define CD_BENCH_ARTICLES_H
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct bench_text {
  char *s;
  size_t len, cap;
} bench_text;

static void bench_addf(bench_text *t, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
  va_end(ap);
  if (n > 0 && (size_t)n < t->cap - t->len) t->len += (size_t)n;
}

static char *bench_news_article(size_t target, size_t *len_out) {
  static const char *const given[] = {
      "Amelia", "Tomasz", "Grace", "Henrik", "Leila", "Marcus", "Ngozi", "Pavel", "Rosa", "Samuel",
      "Ines", "Declan", "Yuki", "Farid", "Helen", "Kwame", "Lucia", "Oskar", "Priya", "Victor",
      "Zofia", "Andr\xC3\xA9", "Beatriz", "Colm", "Dagny", "Emeka", "Fenella", "Gustavo", "Hana", "Idris",
      "Jolanta", "Kieran", "Ludmila", "Mateo", "Nadia", "Orla", "Rashid", "Saoirse", "Teodor", "Wanjiru"};
  static const char *const surname[] = {
      "Okafor", "Lindqvist", "Marchetti", "Brennan", "Haddad", "Kowalczyk", "Fairweather", "Osei",
      "Delacroix", "Nakamura", "Thornbury", "Van Dijk", "Moreau", "Castellano", "Abernathy", "Petrov",
      "Gallagher", "Sandoval", "Whitlock", "Ferreira", "Quinlan", "Rasmussen", "Mbeki", "Hollis",
      "Szab\xC3\xB3", "Lundgren", "Achterberg", "Pemberton", "Ruiz", "Tanaka", "Ellison", "Adeyemi",
      "Bergstrom", "Cavendish", "Dragomir", "Eriksen", "Fitzgerald", "Grabowski", "Huxley", "Iwasaki",
      "Jankowski", "Kilbride", "Lachance", "Montague", "Nwachukwu", "Ostrowski", "Papadakis", "Quintero",
      "Rosenthal", "Stavros", "Trevelyan", "Underwood", "Valentini", "Wojcik", "Yardley", "Zielinski",
      "Achebe", "Blackwood", "Corcoran", "Dunleavy"};
  static const char *const role[] = {"chief executive", "spokeswoman", "director", "chair", "treasurer",
                                     "head of research", "deputy mayor", "union leader"};
  static const char *const org[] = {"the Harbour Authority", "Northfield Council", "the Regional Water Board",
                                    "Kestrel Rail", "the Teachers' Union", "St Brendan's Hospital",
                                    "the Chamber of Commerce", "Greenway Housing"};
  static const char *const topic[] = {"the new ferry terminal", "the water tariff", "the hospital merger",
                                      "the school closures", "the rail timetable", "the housing scheme"};
  const size_t ng = sizeof given / sizeof given[0], ns = sizeof surname / sizeof surname[0];
  const size_t nr = sizeof role / sizeof role[0], no = sizeof org / sizeof org[0];
  const size_t nt = sizeof topic / sizeof topic[0];
  bench_text t = {malloc(target + 4096), 0, target + 4096};
  if (t.s == NULL) return NULL;
  bench_addf(&t, "Northfield weighs the cost of its harbour plans\n\n");
  for (size_t k = 0; t.len < target; k++) {
    /* two new people per section: the pairs run through given x surname without repeating soon */
    const char *g1 = given[(k * 2) % ng], *s1 = surname[(k * 2) % ns];
    const char *g2 = given[(k * 2 + 1) % ng], *s2 = surname[(k * 2 + 1) % ns];
    const char *r1 = role[k % nr], *o1 = org[k % no], *o2 = org[(k + 3) % no], *tp = topic[k % nt];
    bench_addf(&t,
               "%s %s, the %s of %s, said on Tuesday that %s would go ahead despite the delays. "
               "\"We have listened to every objection, and we have changed the plans where we could,\" %s said.\n\n",
               g1, s1, r1, o1, tp, s1);
    bench_addf(&t,
               "The scheme was first proposed in %zu, when the council set aside %zu million pounds for it. "
               "Since then the estimate has grown twice, and the second review found that the harbour wall "
               "needs repairs that were not in the original budget.\n\n",
               1990 + k % 30, 10 + k % 40);
    bench_addf(&t,
               "%s %s, who speaks for %s, was less certain. \"The numbers have moved every time we asked,\" she "
               "told a meeting on Wednesday evening. Residents of the old town have waited for the scheme since "
               "the floods, and several of them came to the meeting with photographs of damaged homes.\n\n",
               g2, s2, o2);
    if (k % 3 == 0)
      bench_addf(&t,
                 "Critics say the project will raise bills for years. It is understood that the board met in "
                 "private last month, according to people familiar with the discussions.\n\n");
    bench_addf(&t,
               "Mr %s later said the timetable was \"realistic but tight\". Asked about the cost, %s pointed to "
               "the grant from the national government, which covers about a third of it.\n\n",
               s1, s1);
    if (k % 4 == 1)
      bench_addf(&t, "\"It will be finished when it is finished.\"\n\n");
    bench_addf(&t,
               "%s has published three reports on the harbour since the last election. The most recent, in "
               "March, found that freight traffic had fallen by a fifth while passenger numbers rose, and that "
               "the ferry operator had cut two winter sailings. The authority has not said whether it will "
               "restore them.\n\n",
               o2);
    bench_addf(&t,
               "Work on the eastern quay is due to start in the spring. Contractors will close two lanes of "
               "the coast road for six weeks, and buses will be diverted through the old town.\n\n");
  }
  t.s[t.len] = '\0';
  *len_out = t.len;
  return t.s;
}

static char *bench_dense_article(size_t target, size_t *len_out) {
  static const char *const paras[] = {
      "John Kelly, the mayor of Springfield, spoke first on Monday. \"The budget is sound,\" he said. "
      "\"We have no debt, and we will not take on any.\"\n\n",
      "\"We will win.\"\n\n",
      "Council member Mar\xC3\xAD" "a L\xC3\xB3pez disagreed. \"That is simply not true,\" L\xC3\xB3pez told "
      "reporters outside city hall, adding that the numbers \"do not add up\".\n\n",
      "Critics say the plan will raise taxes. Some residents have questioned whether the city can "
      "afford it, according to people familiar with the matter.\n\n",
      "Mr Kelly later added that \"nothing is certain\" \xF0\x9F\x98\x80. Kelly declined further comment. "
      "The U.S. Treasury and the US Congress were not involved.\n\n",
      "\"We will keep the libraries open,\" said Jane Smith, who chairs the finance committee. "
      "\"Every branch, every day.\"\n\n",
  };
  bench_text t = {malloc(target + 4096), 0, target + 4096};
  if (t.s == NULL) return NULL;
  bench_addf(&t, "City council passes budget after long debate\n\n");
  for (size_t i = 0; t.len < target; i++) bench_addf(&t, "%s", paras[i % (sizeof paras / sizeof paras[0])]);
  t.s[t.len] = '\0';
  *len_out = t.len;
  return t.s;
}

#endif
