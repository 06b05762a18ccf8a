/* gls-cli-private.h
 * What the files of glossator-cli share: the exit status every command
 * returns, the table of commands, parsing a command line, and reading and
 * saving an article as the window does. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "gls-core.h"
#include "gls-format.h"

G_BEGIN_DECLS

/* The exit status of every command, as `glossator-cli --help` states it. */
typedef enum
{
  GLS_CLI_EXIT_OK = 0,
  GLS_CLI_EXIT_FAILED = 1,  /* a file is invalid, or an operation failed */
  GLS_CLI_EXIT_USAGE = 2,   /* the command line is wrong */
} GlsCliExit;

typedef struct _GlsCliCommand GlsCliCommand;

typedef GlsCliExit (*GlsCliCommandFunc) (const GlsCliCommand  *command,
                                         int                   argc,
                                         char                **argv);

struct _GlsCliCommand
{
  const char        *name;
  GlsCliCommandFunc  func;
  const char        *usage;        /* what follows "glossator-cli NAME", as it is typed */
  const char        *files;        /* what is missing without any file: "SOURCE" */
  const char        *summary;
  const char        *description;  /* shown after the options, or NULL */
  int                min_files;
  int                max_files;    /* -1: no limit */
};

/* The commands, one file each */
GlsCliExit   gls_cli_validate        (const GlsCliCommand  *command,
                                      int                   argc,
                                      char                **argv);
GlsCliExit   gls_cli_list            (const GlsCliCommand  *command,
                                      int                   argc,
                                      char                **argv);
GlsCliExit   gls_cli_annotate        (const GlsCliCommand  *command,
                                      int                   argc,
                                      char                **argv);
GlsCliExit   gls_cli_stats           (const GlsCliCommand  *command,
                                      int                   argc,
                                      char                **argv);
GlsCliExit   gls_cli_export          (const GlsCliCommand  *command,
                                      int                   argc,
                                      char                **argv);
GlsCliExit   gls_cli_import          (const GlsCliCommand  *command,
                                      int                   argc,
                                      char                **argv);
GlsCliExit   gls_cli_reanchor        (const GlsCliCommand  *command,
                                      int                   argc,
                                      char                **argv);
void         gls_cli_print_list_json (GlsDocument          *document,
                                      const char           *path);
GlsCliExit   gls_cli_project         (const GlsCliCommand  *command,
                                      int                   argc,
                                      char                **argv);
GlsCliExit   gls_cli_codebook        (const GlsCliCommand  *command,
                                      int                   argc,
                                      char                **argv);
GlsCliExit   gls_cli_link            (const GlsCliCommand  *command,
                                      int                   argc,
                                      char                **argv);
GlsCliExit   gls_cli_compare         (const GlsCliCommand  *command,
                                      int                   argc,
                                      char                **argv);
guint        gls_cli_check_links     (GlsDocument          *document,
                                      const char           *name);
GlsCliExit   gls_cli_agreement       (const GlsCliCommand  *command,
                                      int                   argc,
                                      char                **argv);
GlsCliExit   gls_cli_merge_driver    (const GlsCliCommand  *command,
                                      int                   argc,
                                      char                **argv);
GlsCliExit   gls_cli_setup_git       (const GlsCliCommand  *command,
                                      int                   argc,
                                      char                **argv);

/* The one way a command line is read and refused */
gboolean     gls_cli_parse_options   (const GlsCliCommand  *command,
                                      GOptionEntry         *entries,
                                      int                  *argc,
                                      char               ***argv,
                                      GlsCliExit           *exit_code);
GlsCliExit   gls_cli_usage_error     (const GlsCliCommand  *command,
                                      const char           *format,
                                      ...) G_GNUC_PRINTF (2, 3);

typedef GlsCliExit (*GlsCliFileFunc) (const char *path);

GlsCliExit   gls_cli_run_on_files    (const GlsCliCommand  *command,
                                      int                   argc,
                                      char                **argv,
                                      GlsCorpusFlags        flags,
                                      GlsCliFileFunc        func);

/* Folders on the command line, and several articles on every core
 * (gls-cli-corpus.c) */
typedef struct
{
  char *path;      /* as messages name it */
  char *relative;  /* inside the folder named on the command line, or NULL */
} GlsCliSource;

/* Runs in a worker thread; prints with g_print() and g_printerr() only. */
typedef GlsCliExit (*GlsCliJobFunc)    (const char *path,
                                        gpointer    user_data);
/* Runs in the main thread, in the order of the sources. */
typedef void       (*GlsCliResultFunc) (const char *path,
                                        gpointer    result,
                                        gpointer    user_data);

void         gls_cli_source_free     (GlsCliSource         *source);
GPtrArray   *gls_cli_expand_sources  (int                   argc,
                                      char                **argv,
                                      GlsCorpusFlags        flags,
                                      GlsCliExit           *exit_code);
GPtrArray   *gls_cli_parse_sources   (const GlsCliCommand  *command,
                                      GOptionEntry         *entries,
                                      int                   argc,
                                      char                **argv,
                                      GlsCorpusFlags        flags,
                                      guint                *n_folders,
                                      GlsCliExit           *exit_code);
GlsCliExit   gls_cli_run_parallel    (GPtrArray            *sources,
                                      GlsCliJobFunc         func,
                                      GlsCliResultFunc      result_func,
                                      gpointer              user_data);
void         gls_cli_job_set_result  (gpointer              result,
                                      GDestroyNotify        result_free);
const GlsCliSource *
             gls_cli_job_get_source  (void);
GPtrArray   *gls_cli_load_documents  (GPtrArray            *sources);

/* Reading and writing as the window does */
void         gls_cli_print_problems  (GPtrArray            *problems);
void         gls_cli_print_json      (JsonBuilder          *builder);
void         gls_cli_print_error     (const GError         *error);
GlsDocument *gls_cli_read_document   (GFile                *file,
                                      GlsLoadFlags          flags,
                                      GPtrArray            *problems,
                                      GError              **error);
GlsDocument *gls_cli_load_document   (const char           *path,
                                      GlsLoadFlags          flags);
void         gls_cli_unref_document  (gpointer              document);
gboolean     gls_cli_save_document   (GlsDocument          *document,
                                      GError              **error);

G_END_DECLS
