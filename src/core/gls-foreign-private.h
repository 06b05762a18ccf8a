/* gls-foreign-private.h
 * Attributes and elements Glossator does not know, kept so that a load and a
 * save give them back unchanged (FORMAT.md §2, extension points). */
#pragma once

#include <glib.h>
#include <libxml/xmlwriter.h>

G_BEGIN_DECLS

typedef struct
{
  /* Each attribute is four strings: namespace (or ""), prefix (or ""),
   * local name, value. */
  GPtrArray *attributes;
  /* Each element is its serialised XML, namespace declarations included. */
  GPtrArray *elements;
} GlsForeign;

GlsForeign *_gls_foreign_new              (void);
GlsForeign *_gls_foreign_copy             (const GlsForeign *foreign);
void        _gls_foreign_free             (GlsForeign       *foreign);
void        _gls_foreign_add_attribute    (GlsForeign      **foreign,
                                           const char       *ns,
                                           const char       *prefix,
                                           const char       *name,
                                           const char       *value);
const char *_gls_foreign_get_attribute    (const GlsForeign *foreign,
                                           const char       *ns,
                                           const char       *name);
void        _gls_foreign_set_attribute    (GlsForeign      **foreign,
                                           const char       *ns,
                                           const char       *prefix,
                                           const char       *name,
                                           const char       *value);
void        _gls_foreign_add_element      (GlsForeign      **foreign,
                                           const char       *xml);
gboolean    _gls_foreign_write_attributes (const GlsForeign *foreign,
                                           xmlTextWriterPtr  writer);
gboolean    _gls_foreign_write_elements   (const GlsForeign *foreign,
                                           xmlTextWriterPtr  writer);

G_END_DECLS
