/* gls-error.h
 * The error domain and the problem reports shared by every part of Glossator. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GLS_ERROR (gls_error_quark ())

typedef enum
{
  GLS_ERROR_FAILED,
  GLS_ERROR_NOT_FOUND,
  GLS_ERROR_BINARY,
  GLS_ERROR_DECODE,
  GLS_ERROR_EMPTY,
  GLS_ERROR_MALFORMED,
  GLS_ERROR_INVALID,
  GLS_ERROR_VERSION,
  GLS_ERROR_CHANGED_ON_DISK,
  GLS_ERROR_RANGE,
  GLS_ERROR_UNKNOWN_CATEGORY,
  GLS_ERROR_SOURCE_CHANGED,
} GlsError;

typedef enum
{
  GLS_PROBLEM_ERROR,
  GLS_PROBLEM_WARNING,
} GlsProblemSeverity;

/* One message about a file, with the place it refers to. A line or a
 * column of 0 means "not known". */
typedef struct
{
  GlsProblemSeverity  severity;
  char               *file;
  guint               line;
  guint               column;
  char               *message;
} GlsProblem;

GQuark      gls_error_quark        (void);

GlsProblem *gls_problem_new        (GlsProblemSeverity  severity,
                                    const char         *file,
                                    guint               line,
                                    guint               column,
                                    const char         *message);
void        gls_problem_free       (GlsProblem         *problem);
char       *gls_problem_to_string  (const GlsProblem   *problem);
GPtrArray  *gls_problems_new       (void);
guint       gls_problems_count     (GPtrArray          *problems,
                                    GlsProblemSeverity  severity);
char       *gls_problems_to_string (GPtrArray          *problems,
                                    GlsProblemSeverity  severity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlsProblem, gls_problem_free)

G_END_DECLS
