/* test-merge.c
 * The three-way merge of a document with its sidecar changed on disk. */
#include "config.h"

#include <string.h>

#include "gls-core.h"
#include "gls-packed-bytes-private.h"
#include "gls-test-util.h"

static GlsDocument *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlsDocument *document = gls_test_load (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static GlsAnnotation *
annotate (GlsDocument *document,
          const char  *category,
          guint        start,
          guint        end)
{
  g_autoptr(GError) error = NULL;
  GlsAnnotation *annotation = gls_document_annotate (document, category, start, end, &error);

  g_assert_no_error (error);
  return annotation;
}

static void
test_merge (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "a.txt", NULL);
  g_autoptr(GlsDocument) first = NULL;
  g_autoptr(GlsDocument) mine = NULL;
  g_autoptr(GlsDocument) theirs = NULL;
  g_autoptr(GlsDocument) result = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a1 = NULL, *a2 = NULL, *a3 = NULL, *a6 = NULL;
  g_autofree char *relation_id = NULL;
  GlsAnnotation *a4, *a5;
  GlsMergeConflict *c;

  gls_test_write (path, "Alpha beta gamma delta epsilon zeta eta theta iota kappa.", -1);

  /* the base: four annotations, saved */
  first = load (path);
  a1 = g_strdup (gls_annotation_get_id (annotate (first, "factual", 0, 5)));
  a2 = g_strdup (gls_annotation_get_id (annotate (first, "opinion", 6, 10)));
  a3 = g_strdup (gls_annotation_get_id (annotate (first, "hedge", 11, 16)));
  a6 = g_strdup (gls_annotation_get_id (annotate (first, "context", 17, 22)));
  g_assert_true (gls_test_save (first, &error));
  g_assert_no_error (error);

  mine = load (path);
  theirs = load (path);

  /* theirs: adds a category and a relation, adds a4, changes a2's note,
   * deletes a3, recategorises a1, changes a6 */
  {
    g_autoptr(GlsCodebook) codebook = gls_codebook_copy (gls_document_get_codebook (theirs));
    g_autoptr(GlsCategory) rumour = gls_category_new ("rumour");

    gls_category_set_label (rumour, NULL, "Rumour");
    gls_category_set_color (rumour, "#abcdef");
    gls_codebook_add_category (codebook, NULL, rumour, &error);
    gls_document_set_codebook (theirs, codebook);
    annotate (theirs, "rumour", 34, 38);
  }
  relation_id = g_strdup (gls_relation_get_id (gls_document_add_relation (theirs, "supports",
                                                                          gls_document_lookup_annotation (theirs, a1),
                                                                          gls_document_lookup_annotation (theirs, a2),
                                                                          &error)));
  a4 = annotate (theirs, "prediction", 23, 28);
  gls_document_set_annotation_note (theirs, gls_document_lookup_annotation (theirs, a2), "from there");
  gls_document_remove_annotation (theirs, gls_document_lookup_annotation (theirs, a3));
  gls_document_set_category (theirs, gls_document_lookup_annotation (theirs, a1), "statistic");
  gls_document_set_category (theirs, gls_document_lookup_annotation (theirs, a6), "framing");
  gls_document_set_note (theirs, "their note");
  g_assert_true (gls_test_save (theirs, &error));
  g_assert_no_error (error);

  /* mine: adds a5, gives a1 a note (a conflict), deletes a6 (a conflict) */
  a5 = annotate (mine, "anonymous", 29, 33);
  gls_document_set_annotation_note (mine, gls_document_lookup_annotation (mine, a1), "from here");
  gls_document_remove_annotation (mine, gls_document_lookup_annotation (mine, a6));

  /* saving now would overwrite theirs: refused */
  g_assert_true (gls_test_changed_on_disk (mine));
  g_assert_false (gls_test_save (mine, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);

  conflicts = gls_document_merge_disk_version (mine, &error);
  g_assert_no_error (error);
  g_assert_nonnull (conflicts);

  /* taken without asking */
  g_assert_nonnull (gls_document_lookup_annotation (mine, gls_annotation_get_id (a4)));
  g_assert_nonnull (gls_document_lookup_annotation (mine, gls_annotation_get_id (a5)));
  g_assert_cmpstr (gls_annotation_get_note (gls_document_lookup_annotation (mine, a2)), ==, "from there");
  g_assert_null (gls_document_lookup_annotation (mine, a3));
  g_assert_cmpstr (gls_document_get_note (mine), ==, "their note");
  /* their new category, with its label and colour, and their relation
   * with its own id */
  g_assert_nonnull (gls_codebook_lookup (gls_document_get_codebook (mine), "rumour"));
  g_assert_cmpstr (gls_category_get_color (gls_codebook_lookup (gls_document_get_codebook (mine), "rumour")), ==, "#abcdef");
  g_assert_cmpuint (g_list_model_get_n_items (gls_document_get_relations (mine)), ==, 1);
  {
    g_autoptr(GlsRelation) relation = g_list_model_get_item (gls_document_get_relations (mine), 0);
    g_assert_cmpstr (gls_relation_get_id (relation), ==, relation_id);
  }

  /* the two conflicts, left as they are here */
  g_assert_cmpuint (conflicts->len, ==, 2);
  c = g_ptr_array_index (conflicts, 0);
  if (g_strcmp0 (c->id, a1) != 0)
    c = g_ptr_array_index (conflicts, 1);
  g_assert_cmpstr (c->id, ==, a1);
  g_assert_cmpstr (gls_annotation_get_note (c->mine), ==, "from here");
  g_assert_cmpstr (gls_annotation_get_category (c->theirs), ==, "statistic");
  g_assert_cmpstr (gls_annotation_get_category (gls_document_lookup_annotation (mine, a1)), ==, "factual");
  gls_document_resolve_conflict (mine, c, TRUE);
  g_assert_cmpstr (gls_annotation_get_category (gls_document_lookup_annotation (mine, a1)), ==, "statistic");
  g_assert_null (gls_annotation_get_note (gls_document_lookup_annotation (mine, a1)));

  c = g_ptr_array_index (conflicts, 0) == c ? g_ptr_array_index (conflicts, 1) : g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (c->id, ==, a6);
  g_assert_null (c->mine);
  g_assert_nonnull (c->theirs);
  gls_document_resolve_conflict (mine, c, FALSE);
  g_assert_null (gls_document_lookup_annotation (mine, a6));

  /* now the save goes through, and holds both sides' work */
  g_assert_true (gls_test_save (mine, &error));
  g_assert_no_error (error);
  result = load (path);
  g_assert_cmpuint (gls_document_get_n_annotations (result), ==, 5);   /* a1 a2 a4 a5 and the rumour */

  /* the merge is one step to undo (and each resolution one more) */
  g_assert_true (gls_document_undo (mine));
  g_assert_true (gls_document_undo (mine));
  g_assert_cmpstr (gls_annotation_get_note (gls_document_lookup_annotation (mine, a1)), ==, "from here");
  g_assert_nonnull (gls_document_lookup_annotation (mine, a3));
  g_assert_null (gls_document_lookup_annotation (mine, gls_annotation_get_id (a4)));

  gls_test_rm_rf (dir);
}

/* Undoing a merge makes a save refuse again: theirs is not overwritten
 * by a document that no longer holds their work. */
static void
test_merge_undo (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "a.txt", NULL);
  g_autoptr(GlsDocument) mine = NULL;
  g_autoptr(GlsDocument) theirs = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  gls_test_write (path, "Alpha beta gamma delta.", -1);
  mine = load (path);
  annotate (mine, "factual", 0, 5);
  g_assert_true (gls_test_save (mine, &error));
  theirs = load (path);
  annotate (theirs, "hedge", 6, 10);
  g_assert_true (gls_test_save (theirs, &error));

  annotate (mine, "opinion", 11, 16);
  conflicts = gls_document_merge_disk_version (mine, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gls_document_get_n_annotations (mine), ==, 3);

  g_assert_true (gls_document_undo (mine));
  g_assert_cmpuint (gls_document_get_n_annotations (mine), ==, 2);
  g_assert_false (gls_test_save (mine, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);

  /* redone, it saves */
  g_assert_true (gls_document_redo (mine));
  g_assert_true (gls_test_save (mine, &error));
  g_assert_no_error (error);

  gls_test_rm_rf (dir);
}

/* A file on disk that cannot be read is not merged, and nothing changes. */
static void
test_merge_broken (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *sidecar = g_strconcat (path, ".annotations.xml", NULL);
  g_autoptr(GlsDocument) mine = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  gls_test_write (path, "Alpha beta gamma.", -1);
  mine = load (path);
  annotate (mine, "factual", 0, 5);
  g_assert_true (gls_test_save (mine, &error));
  annotate (mine, "hedge", 6, 10);
  gls_test_write (sidecar, "<<<<<<< HEAD", -1);

  conflicts = gls_document_merge_disk_version (mine, &error);
  g_assert_null (conflicts);
  g_assert_error (error, GLS_ERROR, GLS_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "a.txt.annotations.xml"));
  g_assert_cmpuint (gls_document_get_n_annotations (mine), ==, 2);
  g_assert_true (gls_document_get_modified (mine));

  gls_test_rm_rf (dir);
}

/* The base of the next merge is packed in a thread of its own: whoever
 * reads it gets it whole, however soon; replaced or dropped while still
 * being packed, nothing is lost or leaked. */
static void
test_base_packed_later (void)
{
  GString *xml = g_string_new ("<annotations>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) unpacked = NULL;
  g_autoptr(GBytes) other = NULL;
  g_autoptr(GError) error = NULL;
  GlsPackedSlot slot = { NULL, NULL };

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (xml, "<annotation id=\"a%u\"/>", i);
  g_string_append (xml, "</annotations>");
  bytes = g_string_free_to_bytes (xml);

  _gls_packed_slot_pack (&slot, bytes);
  unpacked = _gls_bytes_unpack (_gls_packed_slot_get (&slot), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (unpacked, bytes));
  g_assert_cmpuint (_gls_bytes_unpacked_size (_gls_packed_slot_get (&slot)), ==, g_bytes_get_size (bytes));

  /* replaced while being packed */
  other = _gls_bytes_pack (unpacked);
  _gls_packed_slot_pack (&slot, bytes);
  _gls_packed_slot_set (&slot, other);
  g_assert_true (_gls_packed_slot_get (&slot) == other);

  /* dropped while being packed */
  _gls_packed_slot_pack (&slot, bytes);
  _gls_packed_slot_clear (&slot);
  g_assert_null (_gls_packed_slot_get (&slot));

  _gls_packed_slot_pack (&slot, NULL);
  g_assert_null (_gls_packed_slot_get (&slot));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/merge/three-way", test_merge);
  g_test_add_func ("/merge/broken", test_merge_broken);
  g_test_add_func ("/merge/undo", test_merge_undo);
  g_test_add_func ("/merge/base-packed-later", test_base_packed_later);

  return g_test_run ();
}
