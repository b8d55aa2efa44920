/* The record's files on disk: which sources an article is checked against, and a cache that
 * reads and indexes each file once per version (the analyzer does no I/O; this does it for it).
 *
 * An article's sources are the union of: the "sources" globs of its .copydesk.json (relative to
 * that file), the "sources:" list of its Markdown front matter (relative to the article), and
 * globs given by the caller (`copydesk check --sources GLOB`, relative to the current
 * directory). A glob may be a directory (every file in it and below), and "**" stands for any
 * number of directories. */
#ifndef CD_RECORD_FILES_H
#define CD_RECORD_FILES_H
#include <stdbool.h>
#include <stddef.h>

#include "copydesk/record.h"

struct cd_settings;

/* The "sources" of a configuration file as globs joined to the file's directory (new strings;
 * *out NULL and *n 0 when there are none or the file cannot be read: its errors are reported by
 * the configuration reader). */
void cd_record_globs_from_file(const char *config_file, char ***out, size_t *n);
void cd_record_globs_free(char **globs, size_t n);

/* The paths of a Markdown front matter's "sources:" (a "sources: [a, b]" flow list or "- a" items
 * below the key), as written. Returns how many (new strings in *out, cd_record_globs_free). */
size_t cd_record_front_matter(const char *text, size_t len, char ***out);

/* Files a glob names, sorted, appended to *paths (new strings). */
void cd_record_expand(const char *glob, char ***paths, size_t *n, size_t *cap);

/* How output names the passage of a match: "the record: RUIZ at 00:02:24 (differs),
 * interview-ruiz.txt line 14" (the speaker label or "the passage"; the timestamp and "(differs)"
 * when they apply; the source's file name). */
void cd_record_match_label(const cd_record_match *m, char *buf, size_t size);

typedef struct cd_record_cache cd_record_cache;

/* NULL when out of memory. */
cd_record_cache *cd_record_cache_new(void);
void cd_record_cache_free(cd_record_cache *cache);

/* The sources of an article (path may be "-" or a URI's path; `settings` may be NULL; `extra`
 * globs relative to the current directory). Each file is read and indexed when first needed and
 * again only when its size or modification time changes. Returns how many; *out is a new array
 * (free()) of sources that stay valid until the cache reloads or frees them. A file that cannot
 * be read is left out, and its path and the reason are given to `warn` (may be NULL) once. */
size_t cd_record_cache_sources(cd_record_cache *cache, const struct cd_settings *settings, const char *article_path,
                               const char *text, size_t len, const char *const *extra, size_t n_extra,
                               const cd_record_source ***out,
                               void (*warn)(void *arg, const char *path, const char *why), void *warn_arg);

/* Checks every file read so far; reloads those that changed and forgets those that are gone.
 * True when anything changed (then sources handed out before are no longer valid). */
bool cd_record_cache_refresh(cd_record_cache *cache);

/* The loaded source with this name (its path), or NULL. */
const cd_record_source *cd_record_cache_find(const cd_record_cache *cache, const char *path);

#endif
