/* gls-foreign.c
 * Keeping unknown XML attributes and elements across a load and a save. */
#define G_LOG_DOMAIN "gls-foreign"

#include "config.h"

#include "gls-foreign-private.h"

GlsForeign *
_gls_foreign_new (void)
{
  GlsForeign *foreign = g_new0 (GlsForeign, 1);

  foreign->attributes = g_ptr_array_new_with_free_func (g_free);
  foreign->elements = g_ptr_array_new_with_free_func (g_free);

  return foreign;
}

GlsForeign *
_gls_foreign_copy (const GlsForeign *foreign)
{
  GlsForeign *copy;

  if (foreign == NULL)
    return NULL;

  copy = _gls_foreign_new ();
  for (guint i = 0; i < foreign->attributes->len; i++)
    g_ptr_array_add (copy->attributes, g_strdup (g_ptr_array_index (foreign->attributes, i)));
  for (guint i = 0; i < foreign->elements->len; i++)
    g_ptr_array_add (copy->elements, g_strdup (g_ptr_array_index (foreign->elements, i)));

  return copy;
}

void
_gls_foreign_free (GlsForeign *foreign)
{
  if (foreign == NULL)
    return;

  g_ptr_array_unref (foreign->attributes);
  g_ptr_array_unref (foreign->elements);
  g_free (foreign);
}

void
_gls_foreign_add_attribute (GlsForeign **foreign,
                            const char  *ns,
                            const char  *prefix,
                            const char  *name,
                            const char  *value)
{
  if (*foreign == NULL)
    *foreign = _gls_foreign_new ();

  g_ptr_array_add ((*foreign)->attributes, g_strdup (ns ? ns : ""));
  g_ptr_array_add ((*foreign)->attributes, g_strdup (prefix ? prefix : ""));
  g_ptr_array_add ((*foreign)->attributes, g_strdup (name));
  g_ptr_array_add ((*foreign)->attributes, g_strdup (value ? value : ""));
}

/* The value of the attribute @name in namespace @ns, or %NULL. */
const char *
_gls_foreign_get_attribute (const GlsForeign *foreign,
                            const char       *ns,
                            const char       *name)
{
  for (guint i = 0; foreign != NULL && i + 3 < foreign->attributes->len; i += 4)
    if (g_strcmp0 (g_ptr_array_index (foreign->attributes, i), ns) == 0 &&
        g_strcmp0 (g_ptr_array_index (foreign->attributes, i + 2), name) == 0)
      return g_ptr_array_index (foreign->attributes, i + 3);

  return NULL;
}

/* Sets, adds or (with a %NULL @value) removes an attribute. */
void
_gls_foreign_set_attribute (GlsForeign **foreign,
                            const char  *ns,
                            const char  *prefix,
                            const char  *name,
                            const char  *value)
{
  for (guint i = 0; *foreign != NULL && i + 3 < (*foreign)->attributes->len; i += 4)
    {
      GPtrArray *attributes = (*foreign)->attributes;

      if (g_strcmp0 (g_ptr_array_index (attributes, i), ns) != 0 ||
          g_strcmp0 (g_ptr_array_index (attributes, i + 2), name) != 0)
        continue;

      if (value == NULL)
        g_ptr_array_remove_range (attributes, i, 4);
      else
        {
          g_free (g_ptr_array_index (attributes, i + 3));
          g_ptr_array_index (attributes, i + 3) = g_strdup (value);
        }
      return;
    }

  if (value != NULL)
    _gls_foreign_add_attribute (foreign, ns, prefix, name, value);
}

void
_gls_foreign_add_element (GlsForeign **foreign,
                          const char  *xml)
{
  if (*foreign == NULL)
    *foreign = _gls_foreign_new ();

  g_ptr_array_add ((*foreign)->elements, g_strdup (xml));
}

gboolean
_gls_foreign_write_attributes (const GlsForeign *foreign,
                               xmlTextWriterPtr  writer)
{
  if (foreign == NULL)
    return TRUE;

  for (guint i = 0; i + 3 < foreign->attributes->len; i += 4)
    {
      const char *ns = g_ptr_array_index (foreign->attributes, i);
      const char *prefix = g_ptr_array_index (foreign->attributes, i + 1);
      const char *name = g_ptr_array_index (foreign->attributes, i + 2);
      const char *value = g_ptr_array_index (foreign->attributes, i + 3);
      int rc;

      if (*ns == '\0')
        rc = xmlTextWriterWriteAttribute (writer, BAD_CAST name, BAD_CAST value);
      else
        rc = xmlTextWriterWriteAttributeNS (writer,
                                            *prefix ? BAD_CAST prefix : NULL,
                                            BAD_CAST name, BAD_CAST ns,
                                            BAD_CAST value);
      if (rc < 0)
        return FALSE;
    }

  return TRUE;
}

gboolean
_gls_foreign_write_elements (const GlsForeign *foreign,
                             xmlTextWriterPtr  writer)
{
  if (foreign == NULL)
    return TRUE;

  for (guint i = 0; i < foreign->elements->len; i++)
    {
      /* Serialised by libxml2 itself when the file was read. */
      if (xmlTextWriterWriteRaw (writer, g_ptr_array_index (foreign->elements, i)) < 0)
        return FALSE;
    }

  return TRUE;
}
