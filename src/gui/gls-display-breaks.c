/* gls-display-breaks.c
 * Chooses the spaces of a long paragraph that the article view shows as
 * line breaks, so that GtkTextView never lays out a huge paragraph. */
#define G_LOG_DOMAIN "gls-article-view"

#include "config.h"

#include "gls-display-breaks-private.h"

static inline gboolean
ends_sentence (char c)
{
  return c == '.' || c == '!' || c == '?' || c == ';' || c == ':';
}

/**
 * _gls_display_breaks_apply:
 * @piece: the next bytes of the text, whole characters, changed in place
 * @len: the length of @piece in bytes
 * @first_char: the offset, in characters, of @piece in the text
 * @run: (inout): bytes since the last line break, carried between pieces
 * @breaks: (element-type guint): the character offset of each space
 *   turned into a line break is added here, in order
 *
 * Turns some spaces of @piece into '\n' so that no display paragraph is
 * longer than GLS_DISPLAY_PARAGRAPH_MAX bytes where the text has a space
 * to break at. A space is one byte and one character, as is a line
 * break: every character keeps its offset, so the document's offsets
 * need no mapping to the buffer's.
 *
 * Returns: the number of characters in @piece
 */
guint
_gls_display_breaks_apply (char   *piece,
                           gsize   len,
                           guint   first_char,
                           gsize  *run,
                           GArray *breaks)
{
  gssize last_space = -1;
  gssize last_sentence = -1;
  gsize space_run = 0;
  gsize sentence_run = 0;
  guint chars = first_char;
  guint space_chars = 0;
  guint sentence_chars = 0;

  g_assert (piece != NULL || len == 0);
  g_assert (run != NULL);

  for (gsize i = 0; i < len; i++)
    {
      char c = piece[i];

      /* a continuation byte is not a character of its own */
      if (((guchar) c & 0xC0) != 0x80)
        chars++;

      if (c == '\n' || c == '\r')
        {
          *run = 0;
          last_space = last_sentence = -1;
          continue;
        }

      (*run)++;
      if (c != ' ')
        {
          if (*run < GLS_DISPLAY_PARAGRAPH_MAX || (last_space < 0 && last_sentence < 0))
            continue;
        }
      else
        {
          gboolean sentence = i > 0 && ends_sentence (piece[i - 1]);

          if ((sentence && *run >= GLS_DISPLAY_PARAGRAPH_TARGET) || *run >= GLS_DISPLAY_PARAGRAPH_MAX)
            {
              guint at = chars - 1;

              piece[i] = '\n';
              g_array_append_val (breaks, at);
              *run = 0;
              last_space = last_sentence = -1;
              continue;
            }

          last_space = (gssize) i;
          space_run = *run;
          space_chars = chars - 1;
          if (sentence && *run >= GLS_DISPLAY_PARAGRAPH_TARGET / 4)
            {
              last_sentence = (gssize) i;
              sentence_run = *run;
              sentence_chars = chars - 1;
            }
          continue;
        }

      /* too long, and no sentence ended late enough: break at the best
       * space seen */
      if (last_sentence >= 0)
        {
          piece[last_sentence] = '\n';
          g_array_append_val (breaks, sentence_chars);
          *run -= sentence_run;
        }
      else
        {
          piece[last_space] = '\n';
          g_array_append_val (breaks, space_chars);
          *run -= space_run;
        }
      last_space = last_sentence = -1;
    }

  return chars - first_char;
}
